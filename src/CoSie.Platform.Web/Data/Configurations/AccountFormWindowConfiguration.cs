using CoSie.Platform.Web.Features.Account;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoSie.Platform.Web.Data.Configurations;

// Written only by AccountFormBudgets' one upsert; the model knows it so that migrations create it.
public sealed class AccountFormWindowConfiguration : IEntityTypeConfiguration<AccountFormWindow>
{
    public void Configure(EntityTypeBuilder<AccountFormWindow> builder)
    {
        builder.ToTable("account_form_windows");
        builder.HasKey(w => w.Client);
        // An IPv6 /64 as text is the longest client key.
        builder.Property(w => w.Client).HasMaxLength(64);
        builder.HasIndex(w => w.WindowStart);
    }
}
