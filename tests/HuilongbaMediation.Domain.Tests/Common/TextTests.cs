using HuilongbaMediation.Domain.Common;

namespace HuilongbaMediation.Domain.Tests.Common;

public sealed class TextTests
{
    [Theory]
    [InlineData("\u200B\u200B")] // zero-width spaces
    [InlineData("\u3000\u3000")] // ideographic spaces
    [InlineData("\uFEFF")] // byte-order mark
    [InlineData("\u2060\u200D\u200C")] // word joiner, zero-width joiner and non-joiner
    [InlineData("\u3164\u115F")] // Hangul fillers
    [InlineData("\u202E\u2066 \u2069")] // bidi controls and a space
    [InlineData("\u00A0\u2800")] // no-break space, braille blank
    public void Text_of_invisible_characters_only_is_blank(string value)
    {
        Assert.True(Text.IsBlank(value));
        Assert.Null(Text.Clean(value));
        Assert.Equal("", Text.Required(value));
    }

    [Theory]
    [InlineData("张\u202E三", "张三")]
    [InlineData("\u202Bfdp.exe\u202C", "fdp.exe")]
    [InlineData("报告\u2066\u2067\u2068\u2069", "报告")]
    [InlineData("\u202A\u202B\u202C\u202D\u202E王", "王")]
    public void Bidi_controls_are_removed_anywhere_in_the_text(string value, string stored) =>
        Assert.Equal(stored, Text.Clean(value));

    [Fact]
    public void Invisible_characters_around_the_text_are_trimmed_but_a_zero_width_joiner_inside_stays()
    {
        Assert.Equal("李四", Text.Clean("\u200B\u3000李四\uFEFF "));
        Assert.Equal("a\u200Db", Text.Clean("a\u200Db"));
    }

    [Fact]
    public void Ordinary_text_is_kept_as_typed() =>
        Assert.Equal("王大明（回龙坝村）", Text.Clean("王大明（回龙坝村）"));
}
