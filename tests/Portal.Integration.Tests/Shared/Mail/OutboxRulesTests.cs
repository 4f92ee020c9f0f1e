using Portal.Web.Shared.Mail;

namespace Portal.Integration.Tests.Shared.Mail;

/// <summary>The outbox's pure rules: when a failed e-mail is tried again, and the plain-text part of an HTML e-mail.</summary>
public sealed class OutboxRulesTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 30)]
    [InlineData(4, 120)]
    [InlineData(5, 360)]
    [InlineData(9, 1440)]
    public void A_failed_email_waits_longer_after_each_failure(int failedAttempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), OutboxRetry.WaitAfter(failedAttempts));

    [Fact]
    public void The_portal_gives_up_after_ten_failed_attempts() =>
        Assert.Null(OutboxRetry.WaitAfter(OutboxRetry.MaxAttempts));

    [Fact]
    public void The_text_part_keeps_paragraphs_line_breaks_and_link_addresses()
    {
        var text = OutboxMessage.PlainTextOf(
            "<p>Hello <b>Hélène</b>,</p>\n<p>Someone asked to reset\n   the password. <a href='https://p.test/r?a=1&amp;b=2'>Choose a new one</a>.</p>" +
            "<p>Thanks,<br/>The Portal team &amp; support</p>");

        Assert.Equal(
            "Hello Hélène,\n\nSomeone asked to reset the password. Choose a new one (https://p.test/r?a=1&b=2).\n\nThanks,\nThe Portal team & support\n",
            text);
    }
}
