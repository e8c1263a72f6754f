using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class LtiNonceConfiguration : IEntityTypeConfiguration<LtiNonce>
{
    public void Configure(EntityTypeBuilder<LtiNonce> builder)
    {
        builder.HasKey(n => n.Value);
        builder.Property(n => n.Value).HasMaxLength(64);
        builder.HasIndex(n => n.ExpiresAt);
        builder.HasOne<LtiPlatform>().WithMany().HasForeignKey(n => n.PlatformId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Institution>().WithMany().HasForeignKey(n => n.InstitutionId).OnDelete(DeleteBehavior.Cascade);
    }
}
