using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Sessions.Storage.Migrations;

/// <summary>
/// Band rows lose their index by example. Only a rollback read it, and with it every band row written had to go into two
/// indexes in two different orders, so one of them was always written at random: a 1 GB import into SQLite spent most of
/// its time re-reading index pages. A rollback now finds an example's band rows by the keys of its stored signature.
/// </summary>
[DbContext(typeof(SessionsDbContext))]
[Migration("20261130000009_BandsWithoutExampleIndex")]
public partial class BandsWithoutExampleIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("IX_NearDuplicateBands_ExampleId", "NearDuplicateBands");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("IX_NearDuplicateBands_ExampleId", "NearDuplicateBands", "ExampleId");
}
