using System.Net;
using System.Net.Sockets;
using CoSie.Platform.Web.Hosting;

namespace CoSie.Platform.Tests.Hosting;

public sealed class HealthProbeTests
{
    [Theory]
    [InlineData(null, "http://127.0.0.1:8080/healthz")]
    [InlineData("", "http://127.0.0.1:8080/healthz")]
    [InlineData("5000", "http://127.0.0.1:5000/healthz")]
    [InlineData("5000;5001", "http://127.0.0.1:5000/healthz")]
    public void The_probe_asks_the_first_port_Kestrel_listens_on(string? httpPorts, string expected) =>
        Assert.Equal(expected, HealthProbe.DefaultUrl(httpPorts));

    [Fact]
    public async Task Nobody_listening_means_unhealthy()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var output = new StringWriter();

        var exitCode = await HealthProbe.RunAsync(["healthcheck", $"http://127.0.0.1:{port}/healthz"], output);

        Assert.Equal(1, exitCode);
        Assert.Contains($"127.0.0.1:{port}", output.ToString(), StringComparison.Ordinal);
    }
}
