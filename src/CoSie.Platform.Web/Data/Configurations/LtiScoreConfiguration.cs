using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class LtiScoreConfiguration : IEntityTypeConfiguration<LtiScore>
{
    public void Configure(EntityTypeBuilder<LtiScore> builder)
    {
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(s => s.Error).HasMaxLength(500);
        builder.HasIndex(s => new { s.LtiContextId, s.PromptId, s.UserId }).IsUnique();
        builder.HasOne<LtiContext>().WithMany().HasForeignKey(s => s.LtiContextId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ReflectionPrompt>().WithMany().HasForeignKey(s => s.PromptId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Institution>().WithMany().HasForeignKey(s => s.InstitutionId).OnDelete(DeleteBehavior.Cascade);
    }
}
