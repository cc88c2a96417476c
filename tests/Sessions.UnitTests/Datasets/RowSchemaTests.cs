using System.Text.Json;
using Sessions.Datasets;
using Sessions.Datasets.Schemas;

namespace Sessions.UnitTests.Datasets;

public class RowSchemaTests
{
    private static readonly RowSchema Schema = RowSchema.Parse("""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "test",
          "type": "object",
          "required": ["name", "tags"],
          "additionalProperties": false,
          "properties": {
            "name": { "type": "string", "minLength": 2, "maxLength": 5 },
            "kind": { "enum": ["a", "b", 3] },
            "score": { "type": ["number", "null"], "minimum": 0, "maximum": 1 },
            "count": { "type": "integer" },
            "tags": { "type": "array", "minItems": 1, "maxItems": 2, "items": { "$ref": "#/$defs/tag" } },
            "code": { "type": "string", "pattern": "^[A-Z]{3}$" },
            "contact": { "type": "string", "format": "email" },
            "id": { "oneOf": [{ "type": "string" }, { "type": "integer" }] },
            "any": true
          },
          "$defs": { "tag": { "type": "string" } }
        }
        """);

    private static IReadOnlyList<string> Check(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Validate(document.RootElement);
    }

    [Theory]
    [InlineData("""{"name":"ab","tags":["x"]}""")]
    [InlineData("""{"name":"héllo","tags":["x","y"],"kind":3,"score":null,"count":4.0,"any":[{}]}""")]
    [InlineData("""{"name":"ab","tags":["x"],"score":1,"code":"ABC","contact":"a@example.org","id":7}""")]
    [InlineData("""{"name":"\u00e9\ud83d\ude00","tags":["x"],"id":"seven"}""")]
    public void A_valid_document_has_no_violations(string json) => Assert.Empty(Check(json));

    [Theory]
    [InlineData("""[]""", "#: ")]
    [InlineData("""{"tags":["x"]}""", "#: ")]
    [InlineData("""{"name":"a","tags":["x"]}""", "#/name: ")]
    [InlineData("""{"name":"abcdef","tags":["x"]}""", "#/name: ")]
    [InlineData("""{"name":"ab","tags":["x"],"kind":"c"}""", "#/kind: ")]
    [InlineData("""{"name":"ab","tags":["x"],"score":1.5}""", "#/score: ")]
    [InlineData("""{"name":"ab","tags":["x"],"count":1.5}""", "#/count: ")]
    [InlineData("""{"name":"ab","tags":[]}""", "#/tags: ")]
    [InlineData("""{"name":"ab","tags":["x",5]}""", "#/tags/1: ")]
    [InlineData("""{"name":"ab","tags":["x"],"code":"abc"}""", "#/code: ")]
    [InlineData("""{"name":"ab","tags":["x"],"contact":"not an address"}""", "#/contact: ")]
    [InlineData("""{"name":"ab","tags":["x"],"extra":1}""", "#")]
    public void An_invalid_document_names_the_json_pointer_of_what_is_wrong(string json, string pointer)
    {
        var violations = Check(json);

        Assert.NotEmpty(violations);
        Assert.All(violations, v => Assert.StartsWith(pointer, v, StringComparison.Ordinal));
    }

    [Fact]
    public void OneOf_reports_each_branch_at_the_same_pointer()
    {
        var violations = Check("""{"name":"ab","tags":["x"],"id":1.5}""");

        Assert.NotEmpty(violations);
        Assert.All(violations, v => Assert.StartsWith("#/id: ", v, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"type":"text"}""", "'text'")]
    [InlineData("""{"properties":{"a":{"minLength":-1}}}""", "minLength")]
    [InlineData("""{"minLenght":3}""", "minLenght")]
    [InlineData("""{"type":""", "not valid JSON")]
    public void A_schema_that_is_not_valid_json_schema_fails_at_load_time(string schema, string message)
    {
        var error = Assert.Throws<DatasetImportException>(() => RowSchema.Parse(schema));

        Assert.Equal(ImportErrorCodes.SchemaInvalid, error.Code);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("""{"$ref":"https://example.com/row.schema.json"}""")]
    [InlineData("""{"properties":{"a":{"$ref":"http://169.254.169.254/latest/meta-data#/x"}}}""")]
    [InlineData("""{"$id":"https://sessions.local/a.json","properties":{"a":{"$ref":"b.json"}}}""")]
    [InlineData("""{"items":{"$ref":"file:///etc/passwd"}}""")]
    public void A_reference_outside_the_schema_file_is_refused_without_fetching(string schema)
    {
        var error = Assert.Throws<DatasetImportException>(() => RowSchema.Parse(schema));

        Assert.Equal(ImportErrorCodes.SchemaInvalid, error.Code);
        Assert.Contains("no network fetches", error.Message);
    }

    [Fact]
    public void References_between_ids_inside_the_file_resolve()
    {
        var schema = RowSchema.Parse("""
            {"$id":"https://sessions.local/root.json","properties":{"a":{"$ref":"inner.json"}},
             "$defs":{"inner":{"$id":"inner.json","type":"string"}}}
            """);
        using var good = JsonDocument.Parse("""{"a":"x"}""");
        using var bad = JsonDocument.Parse("""{"a":1}""");

        Assert.Empty(schema.Validate(good.RootElement));
        Assert.StartsWith("#/a: ", Assert.Single(schema.Validate(bad.RootElement)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_schemas_load_and_accept_their_own_shapes()
    {
        using var chat = JsonDocument.Parse(DatasetFiles.ChatLine("a", "b", ""","embedding":[0.1,null,"NaN"]"""));
        using var prompt = JsonDocument.Parse("""{"prompt":"a","completion":"b","system":null}""");

        Assert.Empty(RowSchema.ChatRows.Validate(chat.RootElement));
        Assert.Empty(RowSchema.PromptCompletionRows.Validate(prompt.RootElement));
        Assert.NotEmpty(RowSchema.PromptCompletionRows.Validate(chat.RootElement));
    }
}
