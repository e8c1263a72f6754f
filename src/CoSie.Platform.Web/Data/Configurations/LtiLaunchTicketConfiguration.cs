using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class LtiLaunchTicketConfiguration : IEntityTypeConfiguration<LtiLaunchTicket>
{
    public void Configure(EntityTypeBuilder<LtiLaunchTicket> builder)
    {
        builder.HasKey(t => t.Hash);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.Property(t => t.Destination).HasMaxLength(300);
        builder.HasIndex(t => t.ExpiresAt);
        builder.HasOne<LtiPlatform>().WithMany().HasForeignKey(t => t.PlatformId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Institution>().WithMany().HasForeignKey(t => t.InstitutionId).OnDelete(DeleteBehavior.Cascade);
    }
}
