using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

// Accounts are global, so their pictures are too: no institution column and no row-level policy. Deleting the
// account deletes its picture.
public sealed class ProfilePictureConfiguration : IEntityTypeConfiguration<ProfilePicture>
{
    public void Configure(EntityTypeBuilder<ProfilePicture> builder)
    {
        builder.ToTable("profile_pictures");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.ContentType).HasMaxLength(32);
        builder.HasOne<PlatformUser>().WithOne().HasForeignKey<ProfilePicture>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
