namespace Portal.Web;

/// <summary>
/// The marker for the portal's one set of translations: IStringLocalizer&lt;UserText&gt; looks up
/// Resources/UserText.fr.resx, keyed by the English wording (which is shown when no translation exists).
/// </summary>
public sealed class UserText;
