namespace Portal.Web.Shared;

/// <summary>A fixed window: at most <see cref="PermitLimit"/> requests per <see cref="Window"/> for one key.</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; }
}

/// <summary>"Portal:RateLimits": the limits a provider may tune; a test sets small ones to stay fast.</summary>
public sealed class RateLimitSettings
{
    /// <summary>Sign-in form posts per address and e-mail: a password guesser is slowed, other people are not.</summary>
    public RateLimit SignIn { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(5) };

    /// <summary>
    /// Sign-in and reset posts per address, whatever the e-mail: one address trying one password on many accounts
    /// (each refusal an audit entry) is stopped too. Generous: an office behind one address signs in every morning.
    /// </summary>
    public RateLimit SignInPerAddress { get; set; } = new() { PermitLimit = 100, Window = TimeSpan.FromMinutes(5) };

    /// <summary>Password reset requests per address and e-mail: each one sends an e-mail.</summary>
    public RateLimit PasswordReset { get; set; } = new() { PermitLimit = 5, Window = TimeSpan.FromMinutes(15) };

    /// <summary>Invitation page requests per address: invitation tokens are not to be guessed.</summary>
    public RateLimit Invitation { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(5) };

    /// <summary>
    /// 404s on an address with an id audited per signed-in person: probing is worth recording, a scripted flood is not
    /// worth a row per request in a table nobody may prune. Past it, requests still get their 404, unrecorded.
    /// </summary>
    public RateLimit AuditedNotFound { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Data export downloads per person: an archive is the Client's whole data.</summary>
    public RateLimit DataExport { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(5) };
}
