using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class ReflectionPromptConfiguration : IEntityTypeConfiguration<ReflectionPrompt>
{
    public void Configure(EntityTypeBuilder<ReflectionPrompt> builder)
    {
        builder.Property(p => p.Text).HasMaxLength(ReflectionPrompt.MaxLength);
        builder.HasIndex(p => new { p.ModuleId, p.Position });
        // A cohort's own prompts go with the cohort; a proposer's credit goes with their account.
        builder.HasOne<Cohort>().WithMany().HasForeignKey(p => p.CohortId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(p => p.ProposedById).OnDelete(DeleteBehavior.SetNull);
    }
}
