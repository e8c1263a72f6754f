using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class LtiDeepLinkingRequestConfiguration : IEntityTypeConfiguration<LtiDeepLinkingRequest>
{
    public void Configure(EntityTypeBuilder<LtiDeepLinkingRequest> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(64);
        builder.Property(r => r.DeploymentId).HasMaxLength(255);
        builder.Property(r => r.ReturnUrl).HasMaxLength(2000);
        builder.HasIndex(r => r.ExpiresAt);
        builder.HasOne<LtiPlatform>().WithMany().HasForeignKey(r => r.PlatformId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Institution>().WithMany().HasForeignKey(r => r.InstitutionId).OnDelete(DeleteBehavior.Cascade);
    }
}
