namespace CoSie.Platform.Web.Domain;

public enum DraftKind
{
    Reflection = 1,
    Reply = 2,
}
