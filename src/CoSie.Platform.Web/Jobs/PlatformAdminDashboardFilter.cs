using Hangfire.Dashboard;

namespace CoSie.Platform.Web.Jobs;

// The dashboard can run and delete jobs: platform admins only. The endpoint also requires the policy; this
// filter replaces Hangfire's default, which would let any local request in.
public sealed class PlatformAdminDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User.HasClaim(PlatformClaims.PlatformAdmin, "true");
}
