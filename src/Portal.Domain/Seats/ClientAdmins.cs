namespace Portal.Domain.Seats;

/// <summary>
/// SEO §6.2: the Client names a SaaS administrator. A Client always keeps at least one active ClientAdmin,
/// or nobody could manage its seats, accept terms or file notices any more.
/// </summary>
public static class ClientAdmins
{
    public const string LastAdminMessage =
        "This is the last administrator of your company. Make another User an administrator first.";

    /// <summary>Null when the change may go ahead, else why not.</summary>
    /// <param name="activeAdminsNow">Active, human ClientAdmins of the Client before the change.</param>
    /// <param name="adminsRemoved">How many of them the change removes (demotion, deactivation, a Subsidiary ending).</param>
    public static string? Problem(int activeAdminsNow, int adminsRemoved) =>
        adminsRemoved > 0 && activeAdminsNow - adminsRemoved < 1 ? LastAdminMessage : null;
}
