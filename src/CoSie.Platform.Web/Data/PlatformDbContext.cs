using System.Linq.Expressions;
using System.Reflection;
using CoSie.Platform.Web.Tenancy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoSie.Platform.Web.Data;

public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options, TenantContext tenant)
    : IdentityDbContext<PlatformUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public const string TenantFilter = "Tenant";

    private static readonly MethodInfo ApplyTenantFilterMethod =
        typeof(PlatformDbContext).GetMethod(nameof(ApplyTenantFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;

    // Read by the query filters at query time; Guid.Empty (no institution) matches no row.
    internal Guid CurrentInstitutionId => tenant.Institution?.Id ?? Guid.Empty;

    // True only inside AcrossInstitutionsAsync: PostgreSQL then lets this context read (never write) every institution's rows.
    internal bool AcrossInstitutions { get; private set; }

    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<InstitutionMembership> InstitutionMemberships => Set<InstitutionMembership>();
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<CourseModule> Modules => Set<CourseModule>();
    public DbSet<ReflectionPrompt> ReflectionPrompts => Set<ReflectionPrompt>();
    public DbSet<Cohort> Cohorts => Set<Cohort>();
    public DbSet<CohortMember> CohortMembers => Set<CohortMember>();
    public DbSet<CohortInvitation> CohortInvitations => Set<CohortInvitation>();
    public DbSet<Reflection> Reflections => Set<Reflection>();
    public DbSet<Reply> Replies => Set<Reply>();
    public DbSet<PostRevision> PostRevisions => Set<PostRevision>();
    public DbSet<Helpful> Helpfuls => Set<Helpful>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ThreadEvent> ThreadEvents => Set<ThreadEvent>();
    public DbSet<DiscussionOutboxEntry> DiscussionOutbox => Set<DiscussionOutboxEntry>();
    public DbSet<ThreadVisit> ThreadVisits => Set<ThreadVisit>();
    public DbSet<ThreadSubscription> ThreadSubscriptions => Set<ThreadSubscription>();
    public DbSet<Draft> Drafts => Set<Draft>();
    public DbSet<DigestDelivery> DigestDeliveries => Set<DigestDelivery>();
    public DbSet<ModerationAction> ModerationActions => Set<ModerationAction>();
    public DbSet<Flag> Flags => Set<Flag>();
    public DbSet<CohortNudge> CohortNudges => Set<CohortNudge>();
    public DbSet<CohortSuspension> CohortSuspensions => Set<CohortSuspension>();
    public DbSet<PlatformAuditEntry> PlatformAuditEntries => Set<PlatformAuditEntry>();
    public DbSet<SignInProvider> SignInProviders => Set<SignInProvider>();
    public DbSet<LtiPlatform> LtiPlatforms => Set<LtiPlatform>();
    public DbSet<LtiToolKey> LtiToolKeys => Set<LtiToolKey>();
    public DbSet<LtiNonce> LtiNonces => Set<LtiNonce>();
    public DbSet<LtiLaunchTicket> LtiLaunchTickets => Set<LtiLaunchTicket>();
    public DbSet<LtiContext> LtiContexts => Set<LtiContext>();
    public DbSet<LtiDeepLinkingRequest> LtiDeepLinkingRequests => Set<LtiDeepLinkingRequest>();
    public DbSet<LtiLineItem> LtiLineItems => Set<LtiLineItem>();
    public DbSet<LtiScore> LtiScores => Set<LtiScore>();
    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();
    public DbSet<CourseImport> CourseImports => Set<CourseImport>();
    public DbSet<ProfilePicture> ProfilePictures => Set<ProfilePicture>();
    public DbSet<PromptProposal> PromptProposals => Set<PromptProposal>();
    public DbSet<ProposalSupport> ProposalSupports => Set<ProposalSupport>();
    public DbSet<CohortSynthesis> CohortSyntheses => Set<CohortSynthesis>();
    public DbSet<SynthesisEdit> SynthesisEdits => Set<SynthesisEdit>();
    public DbSet<SynthesisClient> SynthesisClients => Set<SynthesisClient>();
    public DbSet<SynthesisRevision> SynthesisRevisions => Set<SynthesisRevision>();
    public DbSet<ProposalComment> ProposalComments => Set<ProposalComment>();
    public DbSet<ResearchConsentChange> ResearchConsentChanges => Set<ResearchConsentChange>();
    public DbSet<ResearchExport> ResearchExports => Set<ResearchExport>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // The one door for code that must read across institutions (the landing page's own memberships, platform
    // administration, a person's data download, job fan-out): its queries still say IgnoreQueryFilters([TenantFilter]),
    // and this tells row-level security to let them through for their duration. Elsewhere such a query would see the
    // current institution's rows only, or none.
    public async Task<T> AcrossInstitutionsAsync<T>(Func<PlatformDbContext, Task<T>> read, CancellationToken cancellationToken = default)
    {
        if (AcrossInstitutions)
        {
            return await read(this);
        }
        AcrossInstitutions = true;
        try
        {
            await ApplySessionIfOpenAsync(cancellationToken);
            return await read(this);
        }
        finally
        {
            AcrossInstitutions = false;
            await ApplySessionIfOpenAsync(CancellationToken.None);
        }
    }

    // A connection EF Core keeps open (an explicit transaction) does not pass through the interceptor again.
    private async Task ApplySessionIfOpenAsync(CancellationToken cancellationToken)
    {
        var connection = Database.GetDbConnection();
        if (connection.State == System.Data.ConnectionState.Open)
        {
            await using var command = TenantSessionInterceptor.Command(connection, this);
            command.Transaction = Database.CurrentTransaction?.GetDbTransaction();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);
        Features.Search.SearchWords.Map(builder);

        // Every ITenantOwned entity gets the named tenant filter, so a new entity cannot be forgotten. Code that
        // must see across institutions says so with IgnoreQueryFilters([TenantFilter]).
        foreach (var entityType in builder.Model.GetEntityTypes().ToList())
        {
            if (typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType) && entityType.BaseType is null)
            {
                ApplyTenantFilterMethod.MakeGenericMethod(entityType.ClrType).Invoke(this, [builder]);
            }
        }
    }

    // The filter must reference `this` so that EF Core swaps in the context that runs each query.
    private void ApplyTenantFilter<TEntity>(ModelBuilder builder)
        where TEntity : class, ITenantOwned
    {
        Expression<Func<TEntity, bool>> filter = e => e.InstitutionId == CurrentInstitutionId;
        builder.Entity<TEntity>().HasQueryFilter(TenantFilter, filter);
    }
}
