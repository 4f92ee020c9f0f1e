namespace Portal.Web;

/// <summary>
/// The marker for the portal's one set of translations: IStringLocalizer&lt;Text&gt; looks up
/// Resources/Text.fr.resx, keyed by the English wording (which is shown when no translation exists).
/// </summary>
public sealed class Text;
