using Portal.Domain.Terms;
using Portal.Integration.Tests.Shared;
using Portal.Web.Features.Terms.Staff.Documents;

namespace Portal.Integration.Tests.Terms.Staff.Documents;

/// <summary>What the New version page announces before publishing, and the notice e-mail's wording.</summary>
public class PublicationTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 31, 9, 30, 0, TimeSpan.Zero);

    private static NewVersion Input(DocumentType type = DocumentType.GeneralTermsAndConditions) =>
        new() { Type = type, Label = "2026_01", Content = "# Terms", ChangeSummary = "Support hours extended." };

    [Fact]
    public void An_amendment_opens_a_notice_month_and_notifies_Clients()
    {
        var plan = PublicationPlan.For(Input(), isFirstOfItsType: false, Now);

        Assert.Equal(ClientImpact.NoticeMonth, plan.Impact);
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 9, 30, 0, TimeSpan.Zero), plan.EffectiveAt);
        Assert.True(plan.NotifiesClients);
    }

    [Fact]
    public void A_first_version_is_accepted_before_use_and_not_notified()
    {
        var plan = PublicationPlan.For(Input(), isFirstOfItsType: true, Now);

        Assert.Equal(ClientImpact.AcceptBeforeUse, plan.Impact);
        Assert.Equal(Now, plan.EffectiveAt);
        Assert.False(plan.NotifiesClients);
    }

    [Fact]
    public void An_editorial_correction_is_neither_accepted_again_nor_notified()
    {
        var input = Input();
        input.IsEditorial = true;

        var plan = PublicationPlan.For(input, isFirstOfItsType: false, Now);

        Assert.Equal(ClientImpact.NoNewAcceptance, plan.Impact);
        Assert.False(plan.NotifiesClients);
    }

    [Fact]
    public void A_legal_compliance_change_is_in_force_at_once_and_notified()
    {
        var input = Input();
        input.IsLegalComplianceChange = true;

        var plan = PublicationPlan.For(input, isFirstOfItsType: false, Now);

        Assert.Equal(ClientImpact.InForceAtOnce, plan.Impact);
        Assert.Equal(Now, plan.EffectiveAt);
        Assert.True(plan.NotifiesClients);
    }

    [Theory]
    [InlineData(DocumentType.OrderForm)]
    [InlineData(DocumentType.CommercialProposal)]
    public void Signed_documents_are_never_notified(DocumentType type)
    {
        Assert.False(PublicationPlan.For(Input(type), isFirstOfItsType: false, Now).NotifiesClients);
    }

    [Fact]
    public void The_suggested_label_is_the_month_then_a_counter()
    {
        Assert.Equal("2026_01", NewVersion.SuggestLabel(Now, ["2025_09"]));
        Assert.Equal("2026_01_2", NewVersion.SuggestLabel(Now, ["2026_01"]));
        Assert.Equal("2026_01_3", NewVersion.SuggestLabel(Now, ["2026_01", "2026_01_2"]));
    }

    [Fact]
    public void The_email_names_the_document_version_summary_and_date_in_the_Clients_language()
    {
        var version = Input().ToVersion(Now, Now.AddMonths(1));

        var english = AmendmentEmail.For(TestText.T, version, "en", "Jonas Weber");
        var french = AmendmentEmail.For(TestText.T, version, "fr", "Hélène Dubois");

        Assert.Equal("New version 2026_01 of the General Terms and Conditions", english.Subject);
        Assert.Contains("Hello Jonas Weber,", english.HtmlBody);
        Assert.Contains("Support hours extended.", english.HtmlBody);
        Assert.Contains("28 February 2026", english.HtmlBody);
        Assert.Contains("you may end the contract before that date", english.HtmlBody);
        Assert.DoesNotContain("registered letter", english.HtmlBody);
        Assert.Equal("Nouvelle version 2026_01\u00A0: Conditions générales", french.Subject);
        Assert.Contains("Bonjour H&#233;l&#232;ne Dubois,", french.HtmlBody);
        Assert.Contains("28 février 2026", french.HtmlBody);
    }

    [Fact]
    public void A_version_that_reduces_the_service_states_the_termination_right_and_its_deadline()
    {
        var input = Input();
        input.MateriallyReducesService = true;
        var version = input.ToVersion(Now, Now.AddMonths(1));

        var english = AmendmentEmail.For(TestText.T, version, "en", null);

        Assert.Contains("terminate the contract because of it until 28 February 2026, by registered letter", english.HtmlBody);
        Assert.Contains("three months after your notice", english.HtmlBody);
    }
}
