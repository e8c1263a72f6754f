namespace CoSie.Platform.Web.Domain;

public enum LtiScoreStatus
{
    Pending,
    Sent,
    Failed,
}
