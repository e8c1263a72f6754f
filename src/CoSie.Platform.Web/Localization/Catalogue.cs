namespace CoSie.Platform.Web.Localization;

public static class Catalogue
{
    // Marks an English text as a catalogue key where it is chosen but looked up later (the framework formats
    // validation messages itself): the catalogue check finds keys at their call sites, and this is one.
    public static string Key(string english) => english;
}
