using CoSie.Platform.Web.Features.Digests;

namespace CoSie.Platform.Tests.Digests;

public sealed class DigestBackoffTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 15)]
    [InlineData(9, 15)]
    public void A_failed_send_waits_longer_each_time_up_to_a_quarter_hour(int attempts, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), DigestDispatcher.Backoff(attempts));
    }

    [Theory]
    [InlineData(550, true)]
    [InlineData(554, true)]
    [InlineData(421, false)]
    [InlineData(451, false)]
    public void Only_a_permanent_refusal_counts_as_one(int status, bool refusal)
    {
        var ex = new MailKit.Net.Smtp.SmtpCommandException(
            MailKit.Net.Smtp.SmtpErrorCode.RecipientNotAccepted, (MailKit.Net.Smtp.SmtpStatusCode)status, "no");

        Assert.Equal(refusal, DigestDispatcher.IsRefusal(ex));
    }

    [Fact]
    public void A_dropped_connection_is_not_a_refusal()
    {
        Assert.False(DigestDispatcher.IsRefusal(new IOException("connection reset")));
    }
}
