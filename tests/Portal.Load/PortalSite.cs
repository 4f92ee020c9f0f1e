using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Portal.Load;

/// <summary>The portal under load: its address, checked to be on this machine, and signed-in HTTP clients.</summary>
public sealed partial class PortalSite(Uri baseUri, string password)
{
    public Uri BaseUri { get; } = baseUri;

    /// <summary>The tool only ever loads a portal on this machine: a typo must not load someone's server.</summary>
    public static Uri LoopbackOnly(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new UsageException($"--url '{url}' is not an http(s) address.");
        var host = uri.Host.Trim('[', ']');
        var loopback = host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                       || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
        if (!loopback)
            throw new UsageException($"--url '{url}' is not on loopback (127.0.0.1, ::1 or localhost): the load tool refuses other hosts.");
        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }

    /// <summary>An HTTP client whose cookies hold <paramref name="email"/>'s sign-in (Identity's form, antiforgery included).</summary>
    public async Task<Account> SignInAsync(string email, int maxConnections, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = cookies,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        }) { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(60) };

        using var form = await http.GetAsync("Account/Login", ct);
        EnsureNotLimited(form, "GET /Account/Login");
        form.EnsureSuccessStatusCode();
        var fields = HiddenFields(await form.Content.ReadAsStringAsync(ct));
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var post = await http.PostAsync("Account/Login", new FormUrlEncodedContent(fields), ct);
        EnsureNotLimited(post, $"sign-in of {email}");
        var location = post.Headers.Location?.ToString() ?? "";
        if (post.StatusCode != HttpStatusCode.Redirect || location.Contains("Account/Login", StringComparison.OrdinalIgnoreCase)
            || location.Contains("Lockout", StringComparison.OrdinalIgnoreCase))
            throw new LoadException($"sign-in of {email} failed: {(int)post.StatusCode} {post.StatusCode}, Location '{location}' (wrong password, locked out, or not a demo database?)");
        return new Account(email, http, cookies);
    }

    /// <summary>
    /// An account from cookies signed in elsewhere (a `Cookie:` header value, "name=value; name2=value2"): the
    /// failover script hands over the browser-like session it signed in through nginx.
    /// </summary>
    public Account FromCookies(string cookieHeader, int maxConnections)
    {
        var cookies = new CookieContainer();
        foreach (var pair in cookieHeader.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0) throw new UsageException($"--cookies: '{pair}' is not name=value");
            cookies.Add(BaseUri, new Cookie(pair[..eq], pair[(eq + 1)..]));
        }
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, MaxConnectionsPerServer = maxConnections })
            { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(60) };
        return new Account("(the given cookies)", http, cookies);
    }

    /// <summary>A 429 from the portal's rate limiter is an error of the run, said as such.</summary>
    public static void EnsureNotLimited(HttpResponseMessage response, string what)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            throw new LoadException($"{what}: 429 Too Many Requests (rate limited{(response.Headers.RetryAfter is { } r ? $", retry after {r}" : "")})");
    }

    private static Dictionary<string, string> HiddenFields(string html) =>
        HiddenInput().Matches(html)
            .Select(m => (Name: Attr(m.Value, "name"), Value: Attr(m.Value, "value")))
            .Where(f => f.Name is not null)
            .GroupBy(f => f.Name!).ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Value ?? ""));

    private static string? Attr(string tag, string name) =>
        Regex.Match(tag, $"\\b{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();
}

/// <summary>A signed-in demo account: its HTTP client and the cookies a circuit's WebSocket sends too.</summary>
public sealed partial class Account(string email, HttpClient http, CookieContainer cookies) : IDisposable
{
    public string Email { get; } = email;
    public HttpClient Http { get; } = http;
    public CookieContainer Cookies { get; } = cookies;

    /// <summary>
    /// GETs a page as a browser's first load and returns the prerendered server components' markers, which a
    /// circuit must present within minutes (they are data-protected, with an expiry) and only once.
    /// </summary>
    public async Task<PrerenderedPage> LoadPageAsync(string path, CancellationToken ct)
    {
        using var response = await Http.GetAsync(path.TrimStart('/'), ct);
        PortalSite.EnsureNotLimited(response, $"GET {path}");
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found)
            throw new LoadException($"GET {path} as {Email} redirected to {response.Headers.Location} (not signed in?)");
        if (!response.IsSuccessStatusCode)
            throw new LoadException($"GET {path} as {Email}: {(int)response.StatusCode} {response.StatusCode}");
        var html = await response.Content.ReadAsStringAsync(ct);
        var markers = Marker().Matches(html)
            .Select(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject())
            .Where(o => o["type"]?.GetValue<string>() == "server")
            .ToList();
        if (markers.Count == 0)
            throw new LoadException($"GET {path} as {Email}: no interactive server component in the page (signed out, or a static page?)");
        var state = State().Match(html) is { Success: true } s ? s.Groups[1].Value : "";
        return new PrerenderedPage(path, markers, state);
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex State();
}

public sealed record PrerenderedPage(string Path, IReadOnlyList<JsonObject> Markers, string ApplicationState);

/// <summary>A failure of the portal under load (an error of the run, counted and reported).</summary>
public sealed class LoadException(string message) : Exception(message);

/// <summary>A wrong command line: said, and the run does not start.</summary>
public sealed class UsageException(string message) : Exception(message);
