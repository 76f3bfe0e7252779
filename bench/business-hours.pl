#!/usr/bin/perl
# The Perl side of bench/business-time.sh: Business::Hours (the engine behind Request Tracker's SLAs)
# on the same cases as the Java calendar. Usage: TZ=Europe/Paris business-hours.pl DIR
# Reads DIR/cases.txt ("start-epoch business-seconds") and DIR/holidays.txt (YYYY-MM-DD), writes
# DIR/perl.txt (one epoch second a line), prints cases per second.
use strict;
use warnings;
use Business::Hours;
use Time::HiRes qw(time);

my $dir = shift or die "usage: business-hours.pl DIR\n";
open my $h, '<', "$dir/holidays.txt" or die "$dir/holidays.txt: $!\n";
chomp(my @holidays = <$h>);
close $h;
open my $c, '<', "$dir/cases.txt" or die "$dir/cases.txt: $!\n";
my @cases = map { [split] } <$c>;
close $c;

my $hours = Business::Hours->new();
# Mon-Fri 09:00-18:00; End is the first closed minute, as in the Java calendar
$hours->business_hours(
    0 => { Name => 'Sunday',    Start => undef,   End => undef },
    1 => { Name => 'Monday',    Start => '09:00', End => '18:00' },
    2 => { Name => 'Tuesday',   Start => '09:00', End => '18:00' },
    3 => { Name => 'Wednesday', Start => '09:00', End => '18:00' },
    4 => { Name => 'Thursday',  Start => '09:00', End => '18:00' },
    5 => { Name => 'Friday',    Start => '09:00', End => '18:00' },
    6 => { Name => 'Saturday',  Start => undef,   End => undef },
);
$hours->holidays(@holidays);

my @due;
my $t0 = time;
for my $case (@cases) {
    push @due, $hours->add_seconds($case->[0], $case->[1]);
}
my $elapsed = time - $t0;
open my $out, '>', "$dir/perl.txt" or die "$dir/perl.txt: $!\n";
print $out "$_\n" for @due;
close $out;
printf "perl: %d cases in %.3f ms = %.0f cases/s\n", scalar @cases, $elapsed * 1000, @cases / $elapsed;
