namespace CoSie.Platform.Web.Domain;

public enum FlagOutcome
{
    Dismissed = 0,
    Hidden = 1,
}
