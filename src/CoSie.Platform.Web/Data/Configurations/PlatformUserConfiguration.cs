using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

public sealed class PlatformUserConfiguration : IEntityTypeConfiguration<PlatformUser>
{
    public void Configure(EntityTypeBuilder<PlatformUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.Property(u => u.Culture).HasMaxLength(16);
        builder.Property(u => u.Language).HasMaxLength(16);
        builder.Property(u => u.TimeZoneId).HasMaxLength(64);
        builder.Property(u => u.Bio).HasMaxLength(PlatformUser.MaxBioLength);
        builder.Property(u => u.PictureVersion).HasMaxLength(16);
    }
}
