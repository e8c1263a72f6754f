using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CoSie.Platform.Web.Features.Synthesis;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace CoSie.Platform.Bench;

// Many people typing in one section of a cohort's synthesis at once: each editor is a WebSocket client that joins the
// synthesis as the page's script does and sends small Yjs updates (a few characters, what typing sends) made by the
// same Yjs bundle the browser runs, each built on that editor's own document, so concurrent updates really merge on
// the server. Sync latency is the time from sending an update to its receipt at each of the other editors.
public sealed partial class SynthesisSync(string connectionString, string repository)
{
    public async Task<SynthesisSyncResult> RunAsync(Uri baseAddress, BenchData data, IReadOnlyList<Session> members, int editors, int updatesEach)
    {
        var moduleId = await ModuleAsync();
        var page = await members[0].GetStringAsync($"/{BenchSeeder.Institution}/cohorts/{data.CohortId}/modules/{moduleId}/synthesis");
        var synthesisId = Guid.Parse(SynthesisIdOf().Match(page).Groups[1].Value);
        var yjs = new YjsRuntime(await File.ReadAllTextAsync(Path.Combine(repository, "src/CoSie.Platform.Web/wwwroot", YjsRuntime.BundlePath)));

        var sent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var received = new ConcurrentBag<(string Update, long At)>();
        var hubs = new List<HubConnection>();
        var refused = 0;
        try
        {
            for (var i = 0; i < editors; i++)
            {
                var hub = Connect(baseAddress, members[i % members.Count]);
                hub.On<SynthesisUpdateMessage>("SynthesisUpdated", m => received.Add((m.Update, Stopwatch.GetTimestamp())));
                await hub.StartAsync();
                hubs.Add(hub);
            }
            var joined = await Task.WhenAll(hubs.Select(h => h.InvokeAsync<SynthesisJoinResult>("JoinSynthesis", BenchSeeder.Institution, synthesisId)));
            if (joined.Any(j => !j.Joined || !j.CanEdit))
            {
                throw new InvalidOperationException("An editor was not admitted to the synthesis.");
            }
            // Everyone types at once, a short pause between keystroke batches, as people do.
            await Task.WhenAll(hubs.Select((hub, i) => Task.Run(async () =>
            {
                var state = Convert.FromBase64String(joined[i].State ?? string.Empty);
                var client = (uint)(500_000 + i);
                for (var n = 0; n < updatesEach; n++)
                {
                    var text = yjs.Read(state).Texts["agree"];
                    var merged = yjs.Edit(state, null, "agree", text + $" e{i}n{n}", client, SynthesisRules.MaxLength);
                    state = merged.StateBytes;
                    sent[merged.Update!] = Stopwatch.GetTimestamp();
                    var result = await hub.InvokeAsync<SynthesisEditResult>("EditSynthesis", synthesisId, merged.Update);
                    if (!result.Accepted)
                    {
                        Interlocked.Increment(ref refused);
                    }
                    await Task.Delay(100);
                }
            })));
            var expected = (long)editors * updatesEach * (editors - 1);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline && received.Count < expected)
            {
                await Task.Delay(100);
            }
            var latencies = received.Where(r => sent.ContainsKey(r.Update))
                .Select(r => Stopwatch.GetElapsedTime(sent[r.Update], r.At).TotalMilliseconds).ToList();
            return new SynthesisSyncResult(editors, updatesEach, refused, latencies.Count, expected,
                Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99));
        }
        finally
        {
            await Task.WhenAll(hubs.Select(h => h.DisposeAsync().AsTask()));
        }
    }

    private static HubConnection Connect(Uri baseAddress, Session member) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/discussions"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.Cookies = new CookieContainer();
                o.Cookies.Add(baseAddress, new Cookie("cosie.session", member.SessionCookie, "/"));
            })
            .Build();

    private async Task<Guid> ModuleAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM modules WHERE slug = 'bench-module'", connection);
        return (Guid)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("The bench module is missing."));
    }

    [GeneratedRegex("data-synthesis-id=\"([0-9a-f-]{36})\"")]
    private static partial Regex SynthesisIdOf();
}
