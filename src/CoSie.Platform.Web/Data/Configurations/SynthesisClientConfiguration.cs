using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class SynthesisClientConfiguration : IEntityTypeConfiguration<SynthesisClient>
{
    public void Configure(EntityTypeBuilder<SynthesisClient> builder)
    {
        builder.HasKey(c => new { c.SynthesisId, c.ClientId });
        builder.HasOne<CohortSynthesis>().WithMany().HasForeignKey(c => c.SynthesisId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}
