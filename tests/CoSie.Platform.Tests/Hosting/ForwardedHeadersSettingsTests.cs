using System.Net;
using CoSie.Platform.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoSie.Platform.Tests.Hosting;

public sealed class ForwardedHeadersSettingsTests
{
    [Fact]
    public async Task A_proxy_inside_a_known_network_passes_on_scheme_host_and_client_address()
    {
        var request = await ForwardAsync(new() { ["ForwardedHeaders:KnownNetworks"] = "172.16.0.0/12" }, proxy: "172.18.0.7");

        Assert.Equal("https", request.Scheme);
        Assert.Equal("learn.uni.example", request.Host.Value);
        Assert.Equal(IPAddress.Parse("203.0.113.9"), request.HttpContext.Connection.RemoteIpAddress);
    }

    [Fact]
    public async Task A_known_proxy_address_passes_on_the_scheme()
    {
        var request = await ForwardAsync(new() { ["ForwardedHeaders:KnownProxies"] = "10.0.0.5, 10.0.0.6" }, proxy: "10.0.0.6");

        Assert.Equal("https", request.Scheme);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_nobody_trusts_are_ignored()
    {
        var request = await ForwardAsync(
            new() { ["ForwardedHeaders:KnownNetworks"] = "172.16.0.0/12", ["ForwardedHeaders:KnownProxies"] = "10.0.0.5" },
            proxy: "192.168.1.20");

        Assert.Equal("http", request.Scheme);
        Assert.Equal("cosie:8080", request.Host.Value);
        Assert.Equal(IPAddress.Parse("192.168.1.20"), request.HttpContext.Connection.RemoteIpAddress);
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies", "proxy.example")]
    [InlineData("ForwardedHeaders:KnownNetworks", "172.16.0.0")]
    [InlineData("ForwardedHeaders:KnownNetworks", "172.16.0.0/99")]
    public void A_malformed_entry_is_refused_with_the_setting_named(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Configured(new() { [key] = value }));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    private static ForwardedHeadersOptions Configured(Dictionary<string, string?> settings)
    {
        var options = new ForwardedHeadersOptions();
        ForwardedHeadersSettings.Apply(options, new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return options;
    }

    private static async Task<HttpRequest> ForwardAsync(Dictionary<string, string?> settings, string proxy)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(proxy);
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("cosie:8080");
        context.Request.Headers["X-Forwarded-For"] = "203.0.113.9";
        context.Request.Headers["X-Forwarded-Proto"] = "https";
        context.Request.Headers["X-Forwarded-Host"] = "learn.uni.example";
        var middleware = new ForwardedHeadersMiddleware(_ => Task.CompletedTask, NullLoggerFactory.Instance, Options.Create(Configured(settings)));
        await middleware.Invoke(context);
        return context.Request;
    }
}
