namespace CoSie.Platform.Web.Localization;

// The CLDR plural categories; a language uses a subset of them, "other" always among them.
public enum PluralCategory
{
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}
