using System.Net.Sockets;
using System.Text;

namespace CoSie.Platform.IntegrationTests.Security;

// An HTTP/1.1 request written to the socket by hand, as a scanner sends it: the body keeps coming whatever the server
// answers meanwhile, and the answer is read however early it comes (an HttpClient gives up with "broken pipe" when a
// server answers before the body is through and closes). Returns the status and the body as far as it arrived.
public static class RawHttp
{
    // A GET of a request target written as it is, which an HttpClient would have escaped first ("%zz" becomes "%25zz").
    public static async Task<int> GetAsync(Uri server, string target)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n\r\n"), timeout.Token);
        var answer = Encoding.UTF8.GetString(await ReadToEndAsync(stream, timeout.Token));
        return int.Parse(answer.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<(int Status, string Body)> PostAsync(Uri server, string path, string cookie, string contentType, Stream body, long? contentLength)
    {
        // Bounded, so that a server that neither answers nor closes fails the test instead of hanging it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = tcp.GetStream();
        var head = new StringBuilder()
            .Append("POST ").Append(path).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(server.Authority).Append("\r\n")
            .Append("Cookie: ").Append(cookie).Append("\r\n")
            .Append("Content-Type: ").Append(contentType).Append("\r\n")
            .Append(contentLength is { } length ? $"Content-Length: {length}\r\n" : "Transfer-Encoding: chunked\r\n")
            .Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), timeout.Token);

        var sending = SendBodyAsync(stream, body, chunked: contentLength is null, timeout.Token);
        var answer = await ReadToEndAsync(stream, timeout.Token);
        await sending;
        var text = Encoding.UTF8.GetString(answer);
        var status = int.Parse(text.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
        return (status, text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
    }

    private static async Task SendBodyAsync(NetworkStream stream, Stream body, bool chunked, CancellationToken cancellation)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellation)) > 0)
            {
                if (chunked)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"{read:x}\r\n"), cancellation);
                }
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellation);
                if (chunked)
                {
                    await stream.WriteAsync("\r\n"u8.ToArray(), cancellation);
                }
            }
            if (chunked)
            {
                await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellation);
            }
        }
        catch (IOException)
        {
            // The server answered and closed while the body was still coming: what is under test is that answer.
        }
    }

    private static async Task<byte[]> ReadToEndAsync(NetworkStream stream, CancellationToken cancellation)
    {
        using var answer = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellation)) > 0)
            {
                answer.Write(buffer, 0, read);
            }
        }
        catch (IOException) when (answer.Length > 0)
        {
            // A reset after the answer arrived.
        }
        return answer.ToArray();
    }
}
