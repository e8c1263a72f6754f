namespace CoSie.Platform.Web.Localization;

public sealed class LanguageOptions
{
    public const string Section = "Languages";

    // Offers the pseudo-languages (en-XA, ar-XB) that test layouts and find untranslated text. Off in production.
    public bool Pseudo { get; set; }
}
