namespace Portal.Domain.Subsidiaries;

/// <summary>
/// SEO definitions, IAM §1.4: an entity is a Subsidiary while the Client holds 50 % or more of its voting
/// securities, directly or beneficially, and it does not compete with the Provider.
/// </summary>
public static class SubsidiaryControl
{
    public const decimal Threshold = 50m;

    /// <summary>Null when the entity qualifies, else why not (shown to the ClientAdmin).</summary>
    public static string? Problem(decimal? controlPercent) => controlPercent switch
    {
        null => "Enter the share of voting securities you hold, from 50 to 100 %.",
        < 0 or > 100 => "A control percentage is between 0 and 100 %.",
        < Threshold => "Under 50 % of the voting securities, the entity is not a Subsidiary: its people cannot use your seats.",
        _ => null,
    };

    /// <summary>
    /// IAM §12.14: a Subsidiary's people get access only once the Client confirmed it told the Subsidiary the
    /// Agreement's contents, and never after it ended. Null when Users may be added to it, else why not.
    /// </summary>
    public static string? JoinProblem(Subsidiary subsidiary) =>
        !subsidiary.IsActive ? "This Subsidiary has ended: its people no longer have access."
        : subsidiary.AgreementNotifiedAt is null ? "First confirm that this Subsidiary was told the contents of the Agreement."
        : null;

    /// <summary>Who may end a Subsidiary for this reason: only Provider staff decide that an entity competes.</summary>
    public static bool OnlyStaffMayGive(SubsidiaryEndReason reason) => reason == SubsidiaryEndReason.Competitor;
}
