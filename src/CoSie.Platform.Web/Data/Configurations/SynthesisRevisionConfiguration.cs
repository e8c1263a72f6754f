using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class SynthesisRevisionConfiguration : IEntityTypeConfiguration<SynthesisRevision>
{
    public void Configure(EntityTypeBuilder<SynthesisRevision> builder)
    {
        builder.Property(r => r.Texts).HasColumnType("jsonb");
        builder.HasIndex(r => new { r.SynthesisId, r.At });
        builder.HasOne<CohortSynthesis>().WithMany().HasForeignKey(r => r.SynthesisId).OnDelete(DeleteBehavior.Cascade);
    }
}
