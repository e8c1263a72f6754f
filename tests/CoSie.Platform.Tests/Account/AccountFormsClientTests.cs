using System.Net;
using CoSie.Platform.Web.Features.Account;

namespace CoSie.Platform.Tests.Account;

public sealed class AccountFormsClientTests
{
    [Fact]
    public void Every_address_of_one_IPv6_64_is_the_same_client()
    {
        var one = AccountFormsRateLimit.ClientOf(IPAddress.Parse("2001:db8:1:2::1"));
        var other = AccountFormsRateLimit.ClientOf(IPAddress.Parse("2001:db8:1:2:ffff:ffff:ffff:fffe"));

        Assert.Equal(one, other);
        Assert.NotEqual(one, AccountFormsRateLimit.ClientOf(IPAddress.Parse("2001:db8:1:3::1")));
    }

    [Fact]
    public void An_IPv4_client_is_its_address_also_through_a_dual_stack_socket()
    {
        Assert.Equal("192.0.2.7", AccountFormsRateLimit.ClientOf(IPAddress.Parse("::ffff:192.0.2.7")));
        Assert.NotEqual(AccountFormsRateLimit.ClientOf(IPAddress.Parse("192.0.2.7")), AccountFormsRateLimit.ClientOf(IPAddress.Parse("192.0.2.8")));
    }
}
