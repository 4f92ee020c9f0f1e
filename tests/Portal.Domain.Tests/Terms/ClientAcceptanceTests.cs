using Portal.Domain.Terms;
using Portal.Domain.Termination;

namespace Portal.Domain.Tests.Terms;

public class ClientAcceptanceTests
{
    private static readonly Guid Client = Guid.NewGuid();

    private static DateTimeOffset At(int y, int m, int d) => new(y, m, d, 9, 0, 0, TimeSpan.Zero);

    private static DocumentVersion Version(DocumentType type, string label, DateTimeOffset published, DateTimeOffset effective,
        bool editorial = false) => new()
    {
        Type = type, Label = label, Content = label, ContentSha256 = AcceptanceChain.Sha256(label), ChangeSummary = "",
        PublishedAt = published, EffectiveAt = effective, IsEditorial = editorial,
    };

    private static AcceptanceRecord Accepted(DocumentVersion v, DateTimeOffset at, AcceptanceMethod method = AcceptanceMethod.Clickwrap) => new()
    {
        ClientId = Client, DocumentType = v.Type, DocumentVersionId = v.Id, VersionLabel = v.Label,
        ContentSha256 = v.ContentSha256, Method = method, AcceptedAt = at, PreviousHash = "", Hash = "",
    };

    // General Terms: 2025_09 in force since 1 Sept 2025; amendment 2026_11 notified 3 Nov 2026, in effect 3 Dec 2026.
    private static readonly DocumentVersion Terms2025 = Version(DocumentType.GeneralTermsAndConditions, "2025_09", At(2025, 9, 1), At(2025, 9, 1));
    private static readonly DocumentVersion Terms2026 = Version(DocumentType.GeneralTermsAndConditions, "2026_11", At(2026, 11, 3), At(2026, 12, 3));

    [Fact]
    public void A_Client_that_never_accepted_must_accept_the_version_in_force_before_using_the_portal()
    {
        var standings = ClientAcceptance.For([Terms2025], [], At(2026, 1, 10));

        var only = Assert.Single(standings);
        Assert.Equal(StandingKind.Required, only.Kind);
        Assert.True(ClientAcceptance.MustAccept(standings));
    }

    [Fact]
    public void During_the_notice_month_the_amendment_is_announced_but_does_not_close_the_portal()
    {
        var standings = ClientAcceptance.For([Terms2025, Terms2026], [Accepted(Terms2025, At(2025, 9, 2))], At(2026, 11, 13));

        Assert.Equal([StandingKind.Accepted, StandingKind.InNoticeMonth], standings.Select(s => s.Kind));
        Assert.Equal(At(2026, 12, 3), standings[1].Deadline);
        Assert.False(ClientAcceptance.MustAccept(standings));
    }

    [Fact]
    public void Accepting_the_amendment_early_ends_the_announcement()
    {
        var records = new[] { Accepted(Terms2025, At(2025, 9, 2)), Accepted(Terms2026, At(2026, 11, 20)) };

        var standings = ClientAcceptance.For([Terms2025, Terms2026], records, At(2026, 11, 21));

        Assert.All(standings, s => Assert.Equal(StandingKind.Accepted, s.Kind));
    }

    [Fact]
    public void After_the_notice_month_an_amendment_nobody_accepted_closes_the_portal_until_deemed_or_accepted()
    {
        var standings = ClientAcceptance.For([Terms2025, Terms2026], [Accepted(Terms2025, At(2025, 9, 2))], At(2026, 12, 4));

        Assert.Equal(Terms2026, Assert.Single(standings).Version);
        Assert.True(ClientAcceptance.MustAccept(standings));
    }

    [Fact]
    public void A_deemed_acceptance_is_shown_as_such()
    {
        var records = new[] { Accepted(Terms2025, At(2025, 9, 2)), Accepted(Terms2026, At(2026, 12, 3), AcceptanceMethod.DeemedAfterNotice) };

        var standing = Assert.Single(ClientAcceptance.For([Terms2025, Terms2026], records, At(2026, 12, 4)));

        Assert.Equal(StandingKind.DeemedAccepted, standing.Kind);
    }

    [Fact]
    public void An_editorial_correction_is_shown_but_needs_no_new_acceptance_and_keeps_the_accepted_record()
    {
        var typoFix = Version(DocumentType.GeneralTermsAndConditions, "2025_09a", At(2026, 2, 1), At(2026, 2, 1), editorial: true);
        var record = Accepted(Terms2025, At(2025, 9, 2));

        var standing = Assert.Single(ClientAcceptance.For([Terms2025, typoFix], [record], At(2026, 3, 1)));

        Assert.Equal(typoFix, standing.Version);
        Assert.Equal(StandingKind.Accepted, standing.Kind);
        Assert.Same(record, standing.Record);
    }

    [Fact]
    public void Order_forms_and_commercial_proposals_are_signed_not_clicked_and_never_gate()
    {
        var orderForm = Version(DocumentType.OrderForm, "OF-1", At(2025, 1, 1), At(2025, 1, 1));
        var proposal = Version(DocumentType.CommercialProposal, "CP-1", At(2025, 1, 1), At(2025, 1, 1));

        Assert.Empty(ClientAcceptance.For([orderForm, proposal], [], At(2026, 1, 1)));
    }

    [Fact]
    public void Documents_come_in_their_order_of_precedence()
    {
        var aup = Version(DocumentType.AcceptableUsePolicy, "1", At(2025, 1, 1), At(2025, 1, 1));
        var privacy = Version(DocumentType.PersonalDataProtectionPolicy, "1", At(2025, 1, 1), At(2025, 1, 1));

        var standings = ClientAcceptance.For([Terms2025, privacy, aup], [], At(2026, 1, 1));

        Assert.Equal([DocumentType.AcceptableUsePolicy, DocumentType.PersonalDataProtectionPolicy, DocumentType.GeneralTermsAndConditions],
            standings.Select(s => s.Version.Type));
    }

    [Fact]
    public void A_version_not_yet_published_is_invisible()
    {
        var future = Version(DocumentType.TechnicalPrerequisites, "2027_01", At(2027, 1, 1), At(2027, 2, 1));

        Assert.Empty(ClientAcceptance.For([future], [], At(2026, 12, 1)));
    }

    // ---- The gate and the banner from the versions' dates alone (what every request reads) ----

    public static TheoryData<string, DocumentVersion[], DocumentVersion[], DateTimeOffset> Situations => new()
    {
        { "never accepted", [Terms2025], [], At(2026, 1, 10) },
        { "in the notice month", [Terms2025, Terms2026], [Terms2025], At(2026, 11, 13) },
        { "accepted early", [Terms2025, Terms2026], [Terms2025, Terms2026], At(2026, 11, 21) },
        { "after the notice month", [Terms2025, Terms2026], [Terms2025], At(2026, 12, 4) },
        { "later version accepted covers the earlier", [Terms2025, Terms2026], [Terms2026], At(2026, 12, 4) },
        { "editorial correction", [Terms2025, Version(DocumentType.GeneralTermsAndConditions, "2025_09a", At(2026, 2, 1), At(2026, 2, 1), editorial: true)],
            [Terms2025], At(2026, 3, 1) },
        { "signed documents", [Version(DocumentType.OrderForm, "OF-1", At(2025, 1, 1), At(2025, 1, 1))], [], At(2026, 1, 1) },
        { "two types, one accepted", [Terms2025, Version(DocumentType.AcceptableUsePolicy, "1", At(2025, 1, 1), At(2025, 1, 1))], [Terms2025], At(2026, 1, 1) },
    };

    [Theory]
    [MemberData(nameof(Situations))]
    public void The_gate_and_the_banner_from_dates_alone_agree_with_the_full_standings(string situation, DocumentVersion[] versions,
        DocumentVersion[] accepted, DateTimeOffset now)
    {
        var standings = ClientAcceptance.For(versions, accepted.Select(v => Accepted(v, now.AddDays(-1))), now);
        var dates = versions.Select(VersionDates.Of).ToList();
        var ids = accepted.Select(v => v.Id).ToList();

        Assert.True(ClientAcceptance.MustAccept(standings) == ClientAcceptance.MustAccept(dates, ids, [], now), situation);
        Assert.Equal(standings.Where(s => s.Kind == StandingKind.InNoticeMonth).Select(s => s.Version.Id),
            ClientAcceptance.InNoticeMonth(dates, ids, [], now).Select(v => v.Id));
    }

    [Fact]
    public void From_dates_alone_an_amendment_past_its_notice_month_gates_and_one_inside_it_is_announced()
    {
        var dates = new[] { VersionDates.Of(Terms2025), VersionDates.Of(Terms2026) };

        Assert.False(ClientAcceptance.MustAccept(dates, [Terms2025.Id], [], At(2026, 11, 13)));
        Assert.Equal([Terms2026.Id], ClientAcceptance.InNoticeMonth(dates, [Terms2025.Id], [], At(2026, 11, 13)).Select(v => v.Id));
        Assert.True(ClientAcceptance.MustAccept(dates, [Terms2025.Id], [], At(2026, 12, 4)));
        Assert.Empty(ClientAcceptance.InNoticeMonth(dates, [Terms2025.Id], [], At(2026, 12, 4)));
        Assert.False(ClientAcceptance.MustAccept(dates, [Terms2025.Id, Terms2026.Id], [], At(2026, 12, 4)));
    }

    [Theory]
    [InlineData("2026-12-02", false)] // inside the notice month
    [InlineData("2026-12-03", true)]  // the notice month ended at 09:00 that day
    [InlineData("2027-03-01", true)]
    public void Deemed_acceptance_is_due_once_the_notice_month_has_ended(string today, bool due)
    {
        var now = new DateTimeOffset(DateTime.Parse(today, System.Globalization.CultureInfo.InvariantCulture).AddHours(12), TimeSpan.Zero);

        var versions = ClientAcceptance.DeemedAcceptanceDue([Terms2025, Terms2026], [Accepted(Terms2025, At(2025, 9, 2))], [], now);

        Assert.Equal(due ? [Terms2026] : [], versions);
    }

    [Fact]
    public void No_deemed_acceptance_for_a_Client_that_cited_the_amendment_in_a_termination_notice()
    {
        Assert.Empty(ClientAcceptance.DeemedAcceptanceDue([Terms2025, Terms2026], [Accepted(Terms2025, At(2025, 9, 2))], [Terms2026.Id], At(2027, 1, 1)));
    }

    [Fact]
    public void No_deemed_acceptance_for_a_Client_never_bound_by_an_earlier_version_nor_for_one_that_accepted()
    {
        Assert.Empty(ClientAcceptance.DeemedAcceptanceDue([Terms2025, Terms2026], [], [], At(2027, 1, 1)));
        Assert.Empty(ClientAcceptance.DeemedAcceptanceDue([Terms2025, Terms2026],
            [Accepted(Terms2025, At(2025, 9, 2)), Accepted(Terms2026, At(2026, 11, 20))], [], At(2027, 1, 1)));
    }

    [Fact]
    public void An_editorial_correction_is_never_deemed_accepted()
    {
        var typoFix = Version(DocumentType.GeneralTermsAndConditions, "2025_09a", At(2026, 2, 1), At(2026, 2, 1), editorial: true);

        Assert.Empty(ClientAcceptance.DeemedAcceptanceDue([Terms2025, typoFix], [Accepted(Terms2025, At(2025, 9, 2))], [], At(2027, 1, 1)));
    }

    // ---- SEO §20.1, §14.3: an amendment the Client terminated over is never forced on it ----

    // Statuses change only through the notice's guarded transitions.
    private static TerminationNotice AmendmentTermination(DocumentVersion cited, TerminationStatus status)
    {
        var notice = new TerminationNotice
        {
            Kind = TerminationKind.Amendment, CitedDocumentVersionId = cited.Id, FiledByUserId = "admin",
            FiledAt = At(2026, 11, 10), EffectiveOn = new DateOnly(2027, 2, 10),
        };
        var day = new DateOnly(2026, 11, 12);
        var refusal = status switch
        {
            TerminationStatus.Received => notice.MarkReceived(day, day, new Portal.Domain.Subscription.SubscriptionTerm(new DateOnly(2025, 8, 1), 12, 12, 2)),
            TerminationStatus.Withdrawn => notice.Withdraw(day, At(2026, 11, 12)),
            _ => null,
        };
        Assert.Null(refusal);
        Assert.Equal(status, notice.Status);
        return notice;
    }

    [Fact]
    public void A_Client_that_terminated_citing_v2_is_not_required_to_accept_v2_and_keeps_access_on_v1_until_the_end()
    {
        var terminatedOver = TerminationRules.VersionsTerminatedOver([AmendmentTermination(Terms2026, TerminationStatus.Received)]);

        var standings = ClientAcceptance.For([Terms2025, Terms2026], [Accepted(Terms2025, At(2025, 9, 2))], At(2026, 12, 4), terminatedOver);

        var standing = Assert.Single(standings);
        Assert.Equal((Terms2025, StandingKind.Accepted, Terms2026), (standing.Version, standing.Kind, standing.TerminatedOver));
        Assert.False(ClientAcceptance.MustAccept(standings)); // the gate stays open: pages, invoices and the data export
    }

    [Fact]
    public void From_dates_alone_the_gate_stays_open_and_the_banner_silent_for_the_version_terminated_over()
    {
        var dates = new[] { VersionDates.Of(Terms2025), VersionDates.Of(Terms2026) };

        Assert.Empty(ClientAcceptance.InNoticeMonth(dates, [Terms2025.Id], [Terms2026.Id], At(2026, 11, 13)));
        Assert.False(ClientAcceptance.MustAccept(dates, [Terms2025.Id], [Terms2026.Id], At(2026, 12, 4)));
        Assert.True(ClientAcceptance.MustAccept(dates, [Terms2025.Id], [], At(2026, 12, 4)));
    }

    [Fact]
    public void A_Client_that_terminated_citing_v2_is_not_deemed_to_accept_v2()
    {
        var terminatedOver = TerminationRules.VersionsTerminatedOver([AmendmentTermination(Terms2026, TerminationStatus.Filed)]);

        Assert.Empty(ClientAcceptance.DeemedAcceptanceDue([Terms2025, Terms2026], [Accepted(Terms2025, At(2025, 9, 2))], terminatedOver, At(2027, 1, 1)));
    }

    [Fact]
    public void Terminated_over_during_the_notice_month_v2_is_no_longer_announced_as_taking_effect_for_that_Client()
    {
        var standings = ClientAcceptance.For([Terms2025, Terms2026], [Accepted(Terms2025, At(2025, 9, 2))], At(2026, 11, 13), [Terms2026.Id]);

        var standing = Assert.Single(standings);
        Assert.Equal((Terms2025, StandingKind.Accepted, Terms2026), (standing.Version, standing.Kind, standing.TerminatedOver));
    }

    [Fact]
    public void A_later_version_that_carries_v2_forward_is_not_demanded_either_while_the_notice_counts()
    {
        var terms2027 = Version(DocumentType.GeneralTermsAndConditions, "2027_01", At(2027, 1, 5), At(2027, 1, 5));
        var records = new[] { Accepted(Terms2025, At(2025, 9, 2)) };

        var standings = ClientAcceptance.For([Terms2025, Terms2026, terms2027], records, At(2027, 1, 10), [Terms2026.Id]);

        Assert.Equal(Terms2025, Assert.Single(standings).Version);
        Assert.False(ClientAcceptance.MustAccept(standings));
        Assert.Empty(ClientAcceptance.DeemedAcceptanceDue([Terms2025, Terms2026, terms2027], records, [Terms2026.Id], At(2027, 2, 1)));
    }

    [Fact]
    public void Once_the_amendment_termination_is_withdrawn_v2_is_required_or_deemed_again()
    {
        var terminatedOver = TerminationRules.VersionsTerminatedOver([AmendmentTermination(Terms2026, TerminationStatus.Withdrawn)]);
        var records = new[] { Accepted(Terms2025, At(2025, 9, 2)) };

        Assert.Empty(terminatedOver);
        Assert.True(ClientAcceptance.MustAccept(ClientAcceptance.For([Terms2025, Terms2026], records, At(2026, 12, 4), terminatedOver)));
        Assert.Equal([Terms2026], ClientAcceptance.DeemedAcceptanceDue([Terms2025, Terms2026], records, terminatedOver, At(2026, 12, 4)));
    }

    [Fact]
    public void A_Client_that_accepts_v2_anyway_is_bound_by_it_as_usual()
    {
        var records = new[] { Accepted(Terms2025, At(2025, 9, 2)), Accepted(Terms2026, At(2026, 12, 5)) };

        var standing = Assert.Single(ClientAcceptance.For([Terms2025, Terms2026], records, At(2026, 12, 6), [Terms2026.Id]));

        Assert.Equal((Terms2026, StandingKind.Accepted), (standing.Version, standing.Kind));
        Assert.Null(standing.TerminatedOver);
    }
}
