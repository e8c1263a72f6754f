using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class SynthesisEditConfiguration : IEntityTypeConfiguration<SynthesisEdit>
{
    public void Configure(EntityTypeBuilder<SynthesisEdit> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(12);
        builder.Property(e => e.Sections).HasMaxLength(100);
        builder.HasIndex(e => new { e.SynthesisId, e.Id });
        builder.HasOne<CohortSynthesis>().WithMany().HasForeignKey(e => e.SynthesisId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}
