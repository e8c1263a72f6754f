using System.Net;
using System.Text.RegularExpressions;

namespace CoSie.Platform.Bench;

// A signed-in person talking to the app over HTTP, as a browser without JavaScript would.
public sealed partial class Session : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _client;

    private Session(Uri baseAddress)
    {
        _client = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public string CookieHeader => _cookies.GetCookieHeader(_client.BaseAddress!);

    // The cookie as a browser would hold it now. Once the security stamp's validation interval has passed, the app
    // checks the stamp and renews the cookie on the next request; a browser keeps the renewed one, but wrk replays the
    // header it was given, so an old cookie would make every request of the run check the stamp again. One request
    // first takes the renewal.
    public async Task<string> FreshCookieHeaderAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        return CookieHeader;
    }
    public string SessionCookie => _cookies.GetCookies(_client.BaseAddress!)["cosie.session"]?.Value ?? throw new InvalidOperationException("Not signed in.");

    // One session per member, signed in one after the other.
    public static async Task<List<Session>> SignInAllAsync(Uri baseAddress, IEnumerable<string> emails)
    {
        var sessions = new List<Session>();
        foreach (var email in emails)
        {
            sessions.Add(await SignInAsync(baseAddress, email));
        }
        return sessions;
    }

    public static async Task<Session> SignInAsync(Uri baseAddress, string email, string institution = BenchSeeder.Institution)
    {
        var session = new Session(baseAddress);
        var token = await session.TokenAsync($"/{institution}/Account/Login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = BenchSeeder.Password,
            ["__RequestVerificationToken"] = token,
        });
        using var response = await session._client.PostAsync($"/{institution}/Account/Login", form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}.");
        }
        return session;
    }

    public async Task<string> GetStringAsync(string url) => await _client.GetStringAsync(url);

    public Task<HttpResponseMessage> GetAsync(string url, CancellationToken cancellationToken = default) => _client.GetAsync(url, cancellationToken);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _client.SendAsync(request);

    public async Task<string> TokenAsync(string url)
    {
        var html = await _client.GetStringAsync(url);
        return Token().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException($"No form token on {url}.");
    }

    // Posts a reply with a fresh submission key; returns the new post's id from the redirect to its permalink.
    public async Task<Guid> ReplyAsync(string threadUrl, string token, string body)
    {
        using var response = await PostReplyAsync(threadUrl, token, body);
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var match = PostId().Match(location);
        return response.StatusCode == HttpStatusCode.Redirect && match.Success
            ? Guid.Parse(match.Groups[1].Value)
            : throw new InvalidOperationException($"Replying answered {(int)response.StatusCode} {location}.");
    }

    public async Task<HttpResponseMessage> PostReplyAsync(string threadUrl, string token, string body, CancellationToken cancellationToken = default)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Body"] = body,
            ["Input.SubmissionKey"] = Guid.NewGuid().ToString(),
            ["__RequestVerificationToken"] = token,
        });
        return await _client.PostAsync(threadUrl + "?handler=Reply", form, cancellationToken);
    }

    // Posts a form of the page the token came from (the handler is in the url), as its submit button would.
    public async Task<HttpResponseMessage> PostFormAsync(string url, string token, IReadOnlyDictionary<string, string>? fields = null, CancellationToken cancellationToken = default)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(fields ?? new Dictionary<string, string>()) { ["__RequestVerificationToken"] = token });
        return await _client.PostAsync(url, form, cancellationToken);
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("post-([0-9a-f-]{36})")]
    private static partial Regex PostId();
}
