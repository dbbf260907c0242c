#!/usr/bin/perl
# gen-corpus.pl - the deterministic benchmark corpus for bench/run.sh.
#
#   perl bench/gen-corpus.pl OUTDIR PAGES TEMPLATES SEED_TEXT
#
# Writes
#   OUTDIR/pages/pNNNN.xhtml     PAGES article pages of ~120 KB: ~24 chrome
#                                messages (text, attributes, inline links,
#                                a placeholder, values, two plurals) around
#                                an article marked translate="no" whose text
#                                is made from the sentences of SEED_TEXT
#   OUTDIR/templates/tNNN.xhtml  TEMPLATES templates (~10 KB: the chrome, a
#                                short article, one template-specific message)
#   OUTDIR/tiny.xhtml            the chrome with a one-paragraph article
#   OUTDIR/po/tl.po              a Tagalog catalog covering all the chrome,
#                                plus 200 other site strings
#   OUTDIR/pages.list            the page names, one a line
#
# Only core Perl; the pseudo-random numbers come from a fixed 32-bit LCG, so
# the same arguments give the same bytes on every machine.  Character
# references are numeric (&#8212;): xmlwf, xgettext and msgfmt --xml do not
# know HTML's named references.
use strict;
use warnings;
use File::Path qw(make_path);

my ($out, $n_pages, $n_templates, $seed_file) = @ARGV;
die "usage: gen-corpus.pl OUTDIR PAGES TEMPLATES SEED_TEXT\n" unless defined $seed_file;

# ---- pseudo-random numbers ----------------------------------------------
my $state = 20251127;
sub rnd {    # 0 .. $_[0]-1
  $state = ($state * 1103515245 + 12345) % 2147483648;
  return int(($state / 2147483648) * $_[0]);
}
sub pick { return $_[rnd(scalar @_)]; }

# ---- the article text ----------------------------------------------------
open my $fh, '<', $seed_file or die "$seed_file: $!\n";
my @sentences;
while (my $line = <$fh>) {
  chomp $line;
  next if length($line) < 80;
  push @sentences, grep { length } split /(?<=[.!?])\s+(?=[A-Z"'])|(?<=[.!?]["'])\s+/, $line;
}
close $fh;
die "no sentences in $seed_file\n" unless @sentences;

sub esc {
  my $s = shift;
  $s =~ s/&/&amp;/g;
  $s =~ s/</&lt;/g;
  $s =~ s/>/&gt;/g;
  return $s;
}

# Typographic quotes and a few names with accents: real pages are not ASCII.
my @names = ("Ana Reyes", "Jos\xc3\xa9 Santos", "Ma. Cristina Pe\xc3\xb1a",
             "Miguel Dela Cruz", "Liza Bautista", "Andr\xc3\xa9s Villanueva",
             "Ramon Aquino", "Patricia Garc\xc3\xada");
sub typographic {
  my $s = shift;
  $s =~ s/"([^"]*)"/\xe2\x80\x9c$1\xe2\x80\x9d/g;
  $s =~ s/'/\xe2\x80\x99/g;
  return $s;
}

# Wraps TEXT (already escaped) at 80 columns with INDENT.
sub wrap {
  my ($text, $indent) = @_;
  my @words = split / /, $text;
  my ($out, $col) = ('', 0);
  for my $w (@words) {
    if ($col && $col + 1 + length($w) > 80) {
      $out .= "\n" . (' ' x $indent);
      $col = $indent;
    } elsif ($col) {
      $out .= ' ';
      $col++;
    }
    $out .= $w;
    $col += length $w;
  }
  return $out;
}

sub paragraph_text {
  my $n = 3 + rnd(5);
  my $t = join ' ', map { esc(pick(@sentences)) } 1 .. $n;
  $t = typographic($t) if rnd(3) == 0;
  # Inline markup inside the content: a link or an emphasis now and then.
  if (rnd(4) == 0) {
    my @w = split / /, $t;
    my $at = rnd(@w - 4);
    my $tag = rnd(2) ? 'em' : 'a';
    my $open = $tag eq 'a' ? '<a href="/topics/' . (1 + rnd(400)) . '/">' : '<em>';
    $w[$at] = $open . $w[$at];
    $w[$at + 2] .= "</$tag>";
    $t = join ' ', @w;
  }
  return $t;
}

# The article body: paragraphs, subheadings, quotes and figures, up to BYTES.
sub article_body {
  my ($bytes) = @_;
  my $body = '';
  my $k = 0;
  while (length($body) < $bytes) {
    $k++;
    if ($k % 7 == 0) {
      my $h = esc(pick(@sentences));
      $h =~ s/[.!?]$//;
      $body .= "          <h2>" . wrap($h, 14) . "</h2>\n\n";
    } elsif ($k % 11 == 0) {
      $body .= "          <blockquote>\n            <p>" . wrap(paragraph_text(), 12)
             . "</p>\n          </blockquote>\n\n";
    } elsif ($k % 17 == 0) {
      my $n = 1 + rnd(900);
      $body .= qq{          <figure class="inline-image">\n}
             . qq{            <img src="/img/2025/11/photo-$n.jpg" width="640" height="360"\n}
             . qq{                 alt="} . esc(pick(@sentences)) =~ s/"/&quot;/gr . qq{"/>\n}
             . qq{            <figcaption>} . wrap(esc(pick(@sentences)), 14)
             . qq{ (Photo&#160;$n)</figcaption>\n          </figure>\n\n};
    } else {
      $body .= "          <p>" . wrap(paragraph_text(), 12) . "</p>\n\n";
    }
  }
  return $body;
}

# ---- pages ------------------------------------------------------------------
# EXTRA is chrome only a template has (a message of its own).
sub page {
  my ($i, $body_bytes, $extra) = @_;
  my $headline = esc(pick(@sentences));
  $headline =~ s/[.!?]$//;
  my $headline_attr = $headline =~ s/"/&quot;/gr;
  my $lead = wrap(esc(pick(@sentences)) . ' ' . esc(pick(@sentences)), 12);
  my $author = pick(@names);
  my ($mo, $d, $h, $mi) = (1 + rnd(12), 1 + rnd(28), rnd(24), rnd(60));
  my $date = sprintf '2025-%02d-%02dT%02d:%02d:00+08:00', $mo, $d, $h, $mi;
  my $human = (qw(January February March April May June July August September
                  October November December))[$mo - 1] . " $d, 2025";
  my $updated = sprintf '2025-%02d-%02dT%02d:%02d:00+08:00', $mo, $d,
                        $h < 23 ? $h + 1 : $h, $mi;
  my $minutes = 2 + rnd(14);
  my $comments = rnd(300);
  my $body = article_body($body_bytes);
  my $cards = '';
  for my $c (1 .. 3) {
    my $slug = 1 + rnd(5000);
    $cards .= qq{          <li class="card" translate="no">\n}
            . qq{            <h3><a href="/world/story-$slug">} . wrap(esc(pick(@sentences)), 14)
            . qq{</a></h3>\n            <p>} . wrap(paragraph_text(), 12) . qq{</p>\n}
            . qq{          </li>\n};
  }
  $extra = $extra ? "\n$extra" : '';
  return <<"EOF";
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:its="http://www.w3.org/2005/11/its" xmlns:pl="http://pagel10n.org/ns/1" lang="en" xml:lang="en">
  <head>
    <meta charset="UTF-8"/>
    <meta name="viewport" content="width=device-width, initial-scale=1"/>
    <title translate="no">$headline &#8212; The Archipelago Post</title>
    <link rel="stylesheet" href="/css/site.css"/>
  </head>
  <body id="top">
    <div class="skip-link">
      <a href="#main">Skip to main content</a>
    </div>

    <header class="site-header">
      <div class="masthead">
        <img class="logo" src="/img/logo.svg" alt="The Archipelago Post logo" width="48" height="48"/>
        <p class="site-name" translate="no"><a href="/">The Archipelago Post</a></p>
        <p class="tagline">News from the Philippines and the world</p>
      </div>
      <nav class="main-nav" aria-label="Sections">
        <ul>
          <li><a href="/">Home</a></li>
          <li><a href="/world/">World</a></li>
          <li><a href="/politics/">Politics</a></li>
          <li><a href="/business/">Business</a></li>
        </ul>
      </nav>
    </header>

    <main id="main">
      <article class="story" id="story-$i" translate="no">
        <header class="story-header">
          <h1>$headline</h1>
          <p class="lead">$lead</p>
          <ul class="story-meta" translate="yes">
            <li class="byline">By <span class="author" pl:value="author">$author</span></li>
            <li class="published">Published <time datetime="$date" pl:value="date">$human</time></li>
            <li class="updated">Updated <time datetime="$updated" pl:value="ago" pl:format="relative">1 hour ago</time></li>
            <li class="reading-time" pl:plural="{minutes} min read"><data value="$minutes" pl:value="minutes">$minutes</data> min read</li>
          </ul>
        </header>

        <figure class="story-image">
          <img src="/img/2025/11/story-$i.jpg" width="960" height="540"
               alt="$headline_attr"/>
          <figcaption translate="yes">AI-generated image</figcaption>
        </figure>

        <div class="story-body">
$body        </div>
      </article>

      <div class="share-tools">
        <p class="share-label">Share this article</p>
        <p class="comment-count" pl:plural="{count} comments"><data value="$comments" pl:value="count">$comments</data> comment</p>
      </div>

      <section class="related" aria-labelledby="related-title">
        <h2 id="related-title">Related Articles</h2>
        <ul class="cards">
$cards        </ul>
      </section>$extra
    </main>

    <section class="cookie-notice" role="dialog" aria-labelledby="cookie-title">
      <h2 id="cookie-title">This website uses cookies</h2>
      <p id="cookie-text">We use cookies for analytics to improve our site.
        Read our <a href="/privacy">privacy policy</a> for more
        information.</p>
      <div class="cookie-actions">
        <button type="button" class="accept" its:locNote="Button that accepts the optional analytics cookies">Accept</button>
        <button type="button" class="reject" its:locNote="Button that declines optional cookies">Reject</button>
      </div>
    </section>

    <footer class="site-footer">
      <p class="newsletter-title">Get our morning news briefing by email</p>
      <p class="copyright">&#169;&#160;2026 <span class="brand" translate="no">The Archipelago Post</span> &#8212; All rights reserved.</p>
      <p class="back-to-top"><a href="#top" title="Return to the top of the page">Back to top</a></p>
    </footer>
  </body>
</html>
EOF
}

sub write_file {
  my ($path, $data) = @_;
  open my $f, '>:raw', $path or die "$path: $!\n";
  print $f $data;
  close $f or die "$path: $!\n";
}

make_path(map { "$out/$_" } qw(pages templates po));

my @list;
for my $i (1 .. $n_pages) {
  # ~120 KB pages: the article is 105..125 KB, the chrome and cards ~6 KB.
  my $name = sprintf 'p%04d.xhtml', $i;
  write_file("$out/pages/$name", page($i, 105000 + rnd(20000), ''));
  push @list, "pages/$name";
}
write_file("$out/pages.list", join('', map { "$_\n" } @list));

for my $t (1 .. $n_templates) {
  my $extra = qq{      <aside class="section-promo">\n}
            . qq{        <h2>More from section $t</h2>\n      </aside>};
  write_file(sprintf("$out/templates/t%03d.xhtml", $t), page(10000 + $t, 4000, $extra));
}
write_file("$out/tiny.xhtml", page(0, 100, ''));

# ---- the catalog -------------------------------------------------------------
my @chrome = (
  ['<a href="#main">Skip to main content</a>', '<a href="#main">Lumaktaw sa pangunahing nilalaman</a>'],
  ['The Archipelago Post logo', 'Logo ng The Archipelago Post'],
  ['News from the Philippines and the world', 'Balita mula sa Pilipinas at sa buong mundo'],
  ['Sections', 'Mga seksiyon'],
  ['<a href="/">Home</a>', '<a href="/">Unang Pahina</a>'],
  ['<a href="/world/">World</a>', '<a href="/world/">Pandaigdig</a>'],
  ['<a href="/politics/">Politics</a>', '<a href="/politics/">Pulitika</a>'],
  ['<a href="/business/">Business</a>', '<a href="/business/">Negosyo</a>'],
  ['By {author}', 'Ni {author}'],
  ['Published {date}', 'Inilathala noong {date}'],
  ['Updated {ago}', 'Na-update {ago}'],
  ['{minutes} min read', ['{minutes} minutong pagbasa', '{minutes} na minutong pagbasa'], '{minutes} min read'],
  ['AI-generated image', 'Larawang ginawa ng AI'],
  ['Share this article', 'Ibahagi ang artikulong ito'],
  ['{count} comment', ['{count} komento', '{count} na komento'], '{count} comments'],
  ['Related Articles', 'Mga Kaugnay na Artikulo'],
  ['This website uses cookies', 'Gumagamit ng cookies ang website na ito'],
  ['We use cookies for analytics to improve our site. Read our <a href="/privacy">privacy policy</a> for more information.',
   'Gumagamit kami ng cookies para sa analytics upang mapabuti ang aming site. Basahin ang aming <a href="/privacy">patakaran sa privacy</a> para sa higit pang impormasyon.'],
  ['Accept', 'Tanggapin'],
  ['Reject', 'Tanggihan'],
  ['Get our morning news briefing by email', 'Makatanggap ng aming pang-umagang buod ng balita sa email'],
  ["\xc2\xa9 2026 <_:span-1/> \xe2\x80\x94 All rights reserved.",
   "\xc2\xa9 2026 <_:span-1/> \xe2\x80\x94 Nakalaan ang lahat ng karapatan."],
  ['Return to the top of the page', 'Bumalik sa itaas ng pahina'],
  ['<a href="#top" title="Return to the top of the page">Back to top</a>',
   '<a href="#top" title="Return to the top of the page">Bumalik sa itaas</a>'],
);
push @chrome, map { ["More from section $_", "Higit pa mula sa seksiyon $_"] } 1 .. $n_templates;
# The rest of a site's catalog: strings of pages not in the corpus.
push @chrome, map { ["Site string number $_", "Pangungusap ng site bilang $_"] } 1 .. 200;

sub po_str {
  my $s = shift;
  $s =~ s/\\/\\\\/g;
  $s =~ s/"/\\"/g;
  return qq{"$s"};
}
my $po = <<'EOF';
# Tagalog catalog of the pagel10n benchmark corpus (generated).
msgid ""
msgstr ""
"Project-Id-Version: pagel10n-bench\n"
"PO-Revision-Date: 2025-11-27 10:30+0800\n"
"Last-Translator: pagel10n bench <tl@pagel10n.invalid>\n"
"Language-Team: Tagalog\n"
"Language: tl\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n % 10 == 4 || n % 10 == 6 || n % 10 == 9);\n"
EOF
for my $e (@chrome) {
  my ($id, $str, $plural) = @$e;
  $po .= "\nmsgid " . po_str($id) . "\n";
  if (defined $plural) {
    $po .= "msgid_plural " . po_str($plural) . "\n";
    $po .= "msgstr[$_] " . po_str($str->[$_]) . "\n" for 0 .. $#$str;
  } else {
    $po .= "msgstr " . po_str($str) . "\n";
  }
}
write_file("$out/po/tl.po", $po);
