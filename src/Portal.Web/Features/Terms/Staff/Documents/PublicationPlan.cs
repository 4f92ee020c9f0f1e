using Portal.Domain.Terms;

namespace Portal.Web.Features.Terms.Staff.Documents;

/// <summary>What publishing a version does for Clients.</summary>
public enum ClientImpact
{
    /// <summary>The first version of a clickwrap document: each Client accepts it before it next uses the portal.</summary>
    AcceptBeforeUse,
    /// <summary>An amendment: banner and e-mail now, in force after the notice month (SEO §20.1).</summary>
    NoticeMonth,
    /// <summary>A legal-compliance change: in force at once, still announced (SEO §20.1).</summary>
    InForceAtOnce,
    /// <summary>An editorial correction: shown at once, no new acceptance, no notice.</summary>
    NoNewAcceptance,
    /// <summary>An order form or commercial proposal: binds a Client once signed, never by notice.</summary>
    SignedNotNotified,
}

/// <summary>When a version about to be published takes effect, and whether Clients are notified.</summary>
public sealed record PublicationPlan(DateTimeOffset PublishedAt, DateTimeOffset EffectiveAt, ClientImpact Impact)
{
    /// <summary>Amendments and legal-compliance changes are announced to every Client (banner and e-mail).</summary>
    public bool NotifiesClients => Impact is ClientImpact.NoticeMonth or ClientImpact.InForceAtOnce;

    /// <summary>SEO §14.3: the amendment termination right runs one month from the notice.</summary>
    public DateTimeOffset TerminationRightEndsAt => PublishedAt.AddMonths(AmendmentNotice.DefaultNoticeMonths);

    public static PublicationPlan For(NewVersion input, bool isFirstOfItsType, DateTimeOffset now) =>
        new(now, AmendmentNotice.EffectiveAt(now, isFirstOfItsType, input.IsEditorial, input.IsLegalComplianceChange),
            ImpactOf(input, isFirstOfItsType));

    private static ClientImpact ImpactOf(NewVersion input, bool isFirstOfItsType) =>
        // SEO §20.1 amends by notice only the documents the Provider publishes; order forms and proposals are signed.
        !ClientAcceptance.IsClickwrap(input.Type) ? ClientImpact.SignedNotNotified
        : isFirstOfItsType ? ClientImpact.AcceptBeforeUse
        : input.IsEditorial ? ClientImpact.NoNewAcceptance
        : input.IsLegalComplianceChange ? ClientImpact.InForceAtOnce
        : ClientImpact.NoticeMonth;
}
