using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class PromptProposalConfiguration : IEntityTypeConfiguration<PromptProposal>
{
    public void Configure(EntityTypeBuilder<PromptProposal> builder)
    {
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(p => p.Text).HasMaxLength(PromptProposal.MaxTextLength);
        builder.Property(p => p.Why).HasMaxLength(PromptProposal.MaxWhyLength);
        builder.Property(p => p.DeclineReason).HasMaxLength(ModerationAction.MaxReasonLength);
        builder.HasIndex(p => new { p.CohortId, p.ModuleId, p.CreatedAt });
        builder.HasOne<Cohort>().WithMany().HasForeignKey(p => p.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CourseModule>().WithMany().HasForeignKey(p => p.ModuleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.SetNull);
        // The adopted prompt may be removed by the module's editor later; the proposal then just says it was adopted.
        builder.HasOne<ReflectionPrompt>().WithMany().HasForeignKey(p => p.PromptId).OnDelete(DeleteBehavior.SetNull);
    }
}
