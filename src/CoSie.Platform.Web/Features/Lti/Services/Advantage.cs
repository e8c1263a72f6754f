namespace CoSie.Platform.Web.Features.Lti.Services;

// The names of LTI Advantage: the launch claims that announce the services (NRPS 2.0, AGS 2.0), their OAuth scopes
// and their media types.
public static class Advantage
{
    public const string MembershipsClaim = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    public const string EndpointClaim = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";

    public const string MembershipsScope = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    public const string LineItemScope = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    public const string LineItemReadScope = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
    public const string ScoreScope = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

    public const string MembershipContainer = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    public const string LineItemContainer = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    public const string LineItem = "application/vnd.ims.lis.v2.lineitem+json";
    public const string Score = "application/vnd.ims.lis.v1.score+json";

    public const string ClientAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
}
