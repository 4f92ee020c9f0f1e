namespace Portal.Web.Data;

/// <summary>
/// The person (or job) a <see cref="PortalDb"/> works for: what the tenancy filter lets them read
/// and whose name goes on each audit entry.
/// </summary>
public sealed record Actor(
    string? UserId,
    string? Email,
    Guid? ClientId,
    bool SeesAllClients,
    string? OnBehalfOfUserId = null,
    string? OnBehalfOfEmail = null,
    Guid[]? AssignedClientIds = null)
{
    /// <summary>The default of a new context: reads no Client's rows, so a forgotten scope shows nothing rather than everything.</summary>
    public static readonly Actor Nobody = new(null, null, null, SeesAllClients: false);

    /// <summary>The portal's own work: start-up, demo data, background jobs, Identity's stores.</summary>
    public static readonly Actor System = new(null, "system", null, SeesAllClients: true);

    public static Actor ClientPerson(string userId, string email, Guid clientId) =>
        new(userId, email, clientId, SeesAllClients: false);

    public static Actor Staff(string userId, string email) => new(userId, email, null, SeesAllClients: true);

    /// <summary>
    /// DOMAIN "People": an AccountManager reads only the Clients assigned to them (and the Provider's staff, to
    /// name them); anything else finds nothing, as another Client's id does for a Client's people.
    /// </summary>
    public static Actor AccountManager(string userId, string email, IEnumerable<Guid> assignedClientIds) =>
        new(userId, email, null, SeesAllClients: false, AssignedClientIds: assignedClientIds.ToArray());
}
