"""Reading articles: txt, Markdown front matter, HTML, sidecars, manifests, bad input."""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrack.errors import UserError
from claimtrack.io.readers import Entry, ReadError, collect, read_entry


def test_txt_is_stored_unchanged_with_sidecar_metadata(tmp_path):
    body = "Line one.\r\nThe minister said on Monday that talks would resume.\n"
    (tmp_path / "a.txt").write_bytes(body.encode("utf-8"))
    (tmp_path / "a.meta.yaml").write_text("title: Talks\npublished: 2024-03-05\noutlet: Wire\n")
    doc = read_entry(Entry(str(tmp_path / "a.txt")))
    assert doc.text == body
    assert (doc.title, doc.published, doc.outlet) == ("Talks", dt.date(2024, 3, 5), "Wire")


def test_markdown_front_matter_becomes_metadata_and_body_is_stored(tmp_path):
    (tmp_path / "b.md").write_text(
        "---\ntitle: A Vote\ndate: 2023-11-02\nauthor: [Ann, Bo]\nurl: https://example.org/v\n---\n"
        "The senator said the bill would pass.\n"
    )
    doc = read_entry(Entry(str(tmp_path / "b.md")))
    assert doc.text == "The senator said the bill would pass.\n"
    assert doc.title == "A Vote" and doc.published == dt.date(2023, 11, 2)
    assert doc.author == "Ann, Bo" and doc.url == "https://example.org/v"


def test_html_takes_head_metadata_and_body_paragraphs(tmp_path):
    (tmp_path / "c.html").write_text(
        "<html><head><title>Budget row</title>"
        '<meta property="article:published_time" content="2022-05-06T10:00:00Z">'
        '<link rel="canonical" href="https://example.org/budget"></head>'
        "<body><nav>Menu</nav><article><h1>Budget row</h1>"
        "<p>The mayor said the budget was <b>balanced</b>.</p><script>x=1</script>"
        "<p>Critics disagreed.</p></article></body></html>"
    )
    doc = read_entry(Entry(str(tmp_path / "c.html")))
    assert doc.text == "Budget row\nThe mayor said the budget was balanced.\nCritics disagreed."
    assert "Menu" not in doc.text and "x=1" not in doc.text
    assert doc.published == dt.date(2022, 5, 6) and doc.url == "https://example.org/budget"


def test_overrides_win_over_file_metadata(tmp_path):
    (tmp_path / "d.md").write_text("---\ntitle: Old\n---\nHe said so.\n")
    doc = read_entry(Entry(str(tmp_path / "d.md")), {"title": "New", "published": "2020-01-02"})
    assert doc.title == "New" and doc.published == dt.date(2020, 1, 2)


def test_folder_is_searched_recursively_for_articles_only(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text("She said yes.")
    (tmp_path / "y.md").write_text("He said no.")
    (tmp_path / "y.meta.yaml").write_text("title: t\n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    names = sorted(e.path.rsplit("/", 1)[-1] for e in collect([str(tmp_path)]))
    assert names == ["x.txt", "y.md"]


def test_manifest_paths_are_relative_to_the_manifest(tmp_path):
    (tmp_path / "arts").mkdir()
    (tmp_path / "arts" / "one.txt").write_text("The governor said taxes would fall.")
    (tmp_path / "m.csv").write_text(
        "path,title,published,outlet,url,author\narts/one.txt,One,2021-07-08,Daily,,Kim\n"
    )
    [entry] = collect([], str(tmp_path / "m.csv"))
    doc = read_entry(entry)
    assert doc.title == "One" and doc.outlet == "Daily" and doc.author == "Kim"
    assert doc.published == dt.date(2021, 7, 8)


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: str(p / "missing.txt"), "no such file"),
        (lambda p: (p / "empty").mkdir() or str(p / "empty"), "no articles found"),
    ],
)
def test_bad_paths_fail_before_anything_is_read(tmp_path, setup, message):
    with pytest.raises(UserError, match=message):
        collect([setup(tmp_path)])


def test_manifest_errors_name_the_line(tmp_path):
    (tmp_path / "a.txt").write_text("x said y")
    (tmp_path / "m.csv").write_text("path,published\na.txt,14/08/2025\n")
    with pytest.raises(UserError, match="line 2"):
        collect([], str(tmp_path / "m.csv"))
    (tmp_path / "n.csv").write_text("file,title\na.txt,x\n")
    with pytest.raises(UserError, match="'path' column"):
        collect([], str(tmp_path / "n.csv"))


def test_a_misspelt_manifest_column_is_refused_not_dropped(tmp_path):
    (tmp_path / "a.txt").write_text("x said y")
    (tmp_path / "m.csv").write_text("path,publised,Outlet\na.txt,2025-08-14,Wire\n")
    with pytest.raises(UserError, match="unknown column 'publised' \\(columns: path, title"):
        collect([], str(tmp_path / "m.csv"))
    (tmp_path / "ok.csv").write_text("Path,Date,Outlet,Lang,Encoding\na.txt,2025-08-14,Wire,fr,\n")
    (entry,) = collect([], str(tmp_path / "ok.csv"))
    assert dict(entry.meta) == {"date": "2025-08-14", "outlet": "Wire", "lang": "fr"}


def test_binary_and_empty_files_are_read_errors(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "blank.txt").write_text("   \n")
    with pytest.raises(ReadError, match="binary"):
        read_entry(Entry(str(tmp_path / "bin.txt")))
    with pytest.raises(ReadError, match="no text"):
        read_entry(Entry(str(tmp_path / "blank.txt")))


def test_latin1_text_is_decoded(tmp_path):
    (tmp_path / "l.txt").write_bytes(
        "Le ministre a déclaré que la réforme était nécessaire, a-t-il précisé.".encode("latin-1")
    )
    assert "déclaré" in read_entry(Entry(str(tmp_path / "l.txt"))).text


def test_html5_implied_end_tags_keep_every_paragraph_and_item(tmp_path):
    # valid HTML5: </p> and </li> may be left out; each paragraph and item is its own block
    (tmp_path / "e.html").write_text(
        '<title>t</title><article><h2>Talks</h2><p>Jane Doe said "a."<p>Bob Kane said "b."'
        "<ul><li>Ann Lee said c.<li>Raj Rao said d.</ul><p>Kim Ng said e.</article>"
    )
    doc = read_entry(Entry(str(tmp_path / "e.html")))
    assert doc.text.split("\n") == [
        "Talks",
        'Jane Doe said "a."',
        'Bob Kane said "b."',
        "Ann Lee said c.",
        "Raj Rao said d.",
        "Kim Ng said e.",
    ]
    assert doc.title == "t"


@pytest.mark.parametrize(
    ("files", "where", "field"),
    [
        ({"a.md": "---\ntitle: T\ndate: 2024-13-40\n---\nShe said so.\n"}, "a.md", "date"),
        (
            {"a.txt": "She said so.\n", "a.meta.yaml": "published: 2024-02-30\n"},
            "a.meta.yaml",
            "published",
        ),
        ({"a.md": "---\npublished: !!timestamp 2023-02-29\n---\nHe said.\n"}, "a.md", "published"),
    ],
)
def test_impossible_metadata_date_is_a_read_error_naming_file_and_field(
    tmp_path, files, where, field
):
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    article = next(n for n in files if not n.endswith(".yaml"))
    with pytest.raises(ReadError) as info:
        read_entry(Entry(str(tmp_path / article)))
    message = str(info.value)
    assert "\n" not in message and str(tmp_path / where) in message
    assert f"'{field}'" in message and "no such day" in message


def test_dates_in_other_metadata_fields_are_not_checked(tmp_path):
    (tmp_path / "a.md").write_text("---\nupdated: 2024-13-01\ndate: 2024-02-29\n---\nHe said.\n")
    assert read_entry(Entry(str(tmp_path / "a.md"))).published == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    "front",
    ["count: !!binary xx!", "run: !!python/name:os.system", "deep: " + "[" * 3000 + "]" * 3000],
)
def test_yaml_that_fails_to_construct_is_bad_yaml(tmp_path, front):
    (tmp_path / "a.md").write_text(f"---\n{front}\n---\nHe said.\n")
    with pytest.raises(ReadError, match="bad YAML front matter"):
        read_entry(Entry(str(tmp_path / "a.md")))


@pytest.mark.parametrize(
    ("rows", "line", "problem"),
    [
        # a row with more values than the header has columns (an unquoted comma)
        ("b.txt,Talks, again,2024-03-01\n", 3, "4 values but the header has 3 columns"),
        # an unclosed quote at the end of the file
        ('b.txt,"Talks,2024-03-01\n', 3, "a quoted value is not closed"),
        # an unclosed quote that a later row's quote seems to close
        ('b.txt,"Talks,2024-03-01\nc.txt,"Vote",2024-03-02\n', 3, "a quoted value is not closed"),
        # a quoted value running over two lines, closed by chance
        ('b.txt,"Talks,2024-03-01\nc.txt,Vote",2024-03-02\n', 3, "runs over lines 3 to 4"),
        ("b\x00.txt,Talks,2024-03-01\n", 3, "NUL"),
    ],
)
def test_malformed_manifest_row_refuses_the_manifest_naming_file_and_line(
    tmp_path, rows, line, problem
):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("The mayor said the bridge would reopen.")
    manifest = tmp_path / "m.csv"
    manifest.write_text("path,title,published\na.txt,Bridge,2024-02-29\n" + rows)
    with pytest.raises(UserError) as info:
        collect([], str(manifest))
    message = str(info.value)
    assert message.startswith(f"--manifest {manifest} line {line}: ") and "\n" not in message
    assert problem in message and message.endswith("nothing was ingested")


def test_manifest_line_numbers_count_blank_lines_and_short_rows_are_fine(tmp_path):
    (tmp_path / "a.txt").write_text("The mayor said the bridge would reopen.")
    manifest = tmp_path / "m.csv"
    manifest.write_text("path,title,published\n\na.txt,Bridge\n\na.txt,x,2024-13-01\n")
    with pytest.raises(UserError, match=r"line 5: bad published date '2024-13-01'"):
        collect([], str(manifest))
    manifest.write_text('path,title,published\n\na.txt,"Bridge, again"\n')
    [entry] = collect([], str(manifest))
    assert dict(entry.meta) == {"title": "Bridge, again"}


def test_canonical_link_without_href_is_no_url(tmp_path):
    (tmp_path / "a.html").write_text(
        '<head><link rel="canonical"><title>T</title></head><p>The mayor said so.</p>'
    )
    doc = read_entry(Entry(str(tmp_path / "a.html")))
    assert doc.url is None and doc.text == "The mayor said so."


def test_sidecar_not_in_utf8_is_a_read_error_naming_it(tmp_path):
    (tmp_path / "a.txt").write_text("The mayor said so.")
    (tmp_path / "a.meta.yaml").write_bytes("title: Café\n".encode("latin-1"))
    with pytest.raises(ReadError) as info:
        read_entry(Entry(str(tmp_path / "a.txt")))
    assert str(info.value) == f"{tmp_path / 'a.meta.yaml'}: not UTF-8 text; save it as UTF-8"


def test_empty_front_matter_is_taken_off(tmp_path):
    (tmp_path / "a.md").write_text("---\n---\nThe mayor said so.\n")
    assert read_entry(Entry(str(tmp_path / "a.md"))).text == "The mayor said so.\n"


def test_deeply_nested_list_items_each_give_one_block(tmp_path):
    # the container test is one pass over the tree, not a search under every element
    (tmp_path / "a.html").write_text("<ul><li>" * 300 + "Deep." + "</li></ul>" * 300)
    assert read_entry(Entry(str(tmp_path / "a.html"))).text == "Deep."


def test_manifest_path_too_long_is_no_such_file(tmp_path):
    (tmp_path / "m.csv").write_text("path\n" + "x" * 5000 + ".txt\n")
    with pytest.raises(UserError, match="line 2: x+.txt: no such file"):
        collect([], str(tmp_path / "m.csv"))
    with pytest.raises(UserError, match="no such file or folder"):
        collect(["y" * 5000])


def test_a_reader_bug_fails_that_document_only(tmp_path, monkeypatch):
    import claimtrack.io.readers as readers
    from claimtrack.io.readers import iter_documents

    def broken(text):
        raise KeyError("href")

    monkeypatch.setattr(readers, "parse_html", broken)
    (tmp_path / "a.html").write_text("<p>x</p>")
    (tmp_path / "b.txt").write_text("The mayor said so.")
    out = list(iter_documents([Entry(str(tmp_path / "a.html")), Entry(str(tmp_path / "b.txt"))]))
    assert isinstance(out[0], ReadError) and out[1].text == "The mayor said so."
    assert str(out[0]) == (
        f"{tmp_path / 'a.html'}: could not be read (KeyError('href')); please report it"
    )


def test_front_matter_numbers_and_booleans_stay_text_as_written(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\ntitle: 007\nauthor: yes\noutlet: 0x" + "f" * 5000 + "\n---\nHe said so.\n"
    )
    doc = read_entry(Entry(str(tmp_path / "a.md")))
    assert (doc.title, doc.author, doc.outlet) == ("007", "yes", "0x" + "f" * 5000)


def test_only_text_and_markdown_files_hold_no_web_page(tmp_path):
    # what `ingest --workers N` decides from its arguments before the workers' forkserver
    # starts: whether it loads the page readers for them (ingest.start_loading)
    from claimtrack.io.readers import may_hold_pages

    (tmp_path / "a.txt").write_text("Ann Holt said the pier would open in May.\n")
    (tmp_path / "b.MD").write_text("---\ntitle: Pier\n---\nTom Ruiz agreed.\n")
    (tmp_path / "c.markdown").write_text("The council met.\n")
    texts = [Entry(str(tmp_path / name)) for name in ("a.txt", "b.MD", "c.markdown")]
    assert not may_hold_pages(texts)
    assert not may_hold_pages([])
    for other in ("page.html", "page.HTM", "feed.xml", "-", "https://harbour.example/news"):
        assert may_hold_pages([*texts, Entry(other)]), other
    assert may_hold_pages(iter([Entry("-")]))  # any iterable
