namespace CoSie.Platform.Web.Localization;

// The operands CLDR plural rules are written in (UTS #35 part 3, "Language Plural Rules", Operands):
// n the absolute value, i its integer digits, v and w the number of visible fraction digits with and without
// trailing zeros, f and t those digits as a number with and without trailing zeros, e the compact-decimal exponent.
// A decimal keeps the scale it was written with, so 1.0m has v = 1 (English "1.0 files") while 1m has v = 0.
public readonly record struct PluralOperands(decimal N, decimal I, int V, int W, decimal F, decimal T, int E)
{
    // exponent is the e of a number shown in compact form ("1.2 million" is 1200000 with e = 6); plain numbers have 0.
    public static PluralOperands Of(decimal value, int exponent = 0)
    {
        var n = Math.Abs(value);
        var i = decimal.Truncate(n);
        int v = n.Scale;
        // Exact: n - i has v fraction digits, so shifting them left leaves an integer below 10^28.
        var f = decimal.Truncate((n - i) * PowerOfTen(v));
        var t = f;
        var w = v;
        while (w > 0 && t % 10 == 0)
        {
            t /= 10;
            w--;
        }

        return new(n, i, v, w, f, t, exponent);
    }

    private static decimal PowerOfTen(int exponent)
    {
        var power = 1m;
        for (var k = 0; k < exponent; k++)
        {
            power *= 10;
        }

        return power;
    }
}
