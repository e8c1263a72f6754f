using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class CohortNudgeConfiguration : IEntityTypeConfiguration<CohortNudge>
{
    public void Configure(EntityTypeBuilder<CohortNudge> builder)
    {
        // The question a reminder asks first: has this member been reminded of this prompt lately?
        builder.HasIndex(n => new { n.CohortId, n.PromptId, n.UserId, n.CreatedAt });
        builder.HasOne<Cohort>().WithMany().HasForeignKey(n => n.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ReflectionPrompt>().WithMany().HasForeignKey(n => n.PromptId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(n => n.SentById).OnDelete(DeleteBehavior.SetNull);
    }
}
