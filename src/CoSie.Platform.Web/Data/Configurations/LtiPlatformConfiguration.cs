using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class LtiPlatformConfiguration : IEntityTypeConfiguration<LtiPlatform>
{
    public void Configure(EntityTypeBuilder<LtiPlatform> builder)
    {
        builder.Property(p => p.DisplayName).HasMaxLength(100);
        builder.Property(p => p.Issuer).HasMaxLength(500);
        builder.Property(p => p.ClientId).HasMaxLength(200);
        builder.Property(p => p.DeploymentIds).HasColumnType("text[]");
        builder.Property(p => p.AuthenticationUrl).HasMaxLength(1000);
        builder.Property(p => p.TokenUrl).HasMaxLength(1000);
        builder.Property(p => p.KeySetUrl).HasMaxLength(1000);
        builder.Property(p => p.FramingOrigin).HasMaxLength(300);
        // A launch names its registration by issuer and client id; within one institution that must be one.
        builder.HasIndex(p => new { p.InstitutionId, p.Issuer, p.ClientId }).IsUnique();
        builder.HasOne<Institution>().WithMany().HasForeignKey(p => p.InstitutionId).OnDelete(DeleteBehavior.Cascade);
    }
}
