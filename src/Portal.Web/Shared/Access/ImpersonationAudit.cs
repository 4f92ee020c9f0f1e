namespace Portal.Web.Shared.Access;

/// <summary>The audit actions impersonation writes besides its session row's own changes.</summary>
public static class ImpersonationAudit
{
    public const string StartRefused = "Impersonation.StartRefused";
    public const string ActionRefused = "Impersonation.ActionRefused";
}
