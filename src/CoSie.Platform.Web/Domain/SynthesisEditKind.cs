namespace CoSie.Platform.Web.Domain;

public enum SynthesisEditKind
{
    Live,
    Form,
    Quote,
}
