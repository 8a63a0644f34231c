#!/bin/bash
# Draws the capability icons at 64 px, then writes NAME.png (16 px) and NAME@2x.png (32 px).
set -e
# Usage: releng/icons/draw-icons.sh OUT_DIR   (needs ImageMagick's convert; Debian package imagemagick)
# The capability UI bundles carry copies of these files in their icons/ folders (see each plugin.xml).
OUT=${1:?usage: draw-icons.sh OUT_DIR}; mkdir -p "$OUT"
B='#2a6fdb'; D='#1d4f9e'; Y='#f2b632'; G='#3a9d5d'; R='#d9463b'; K='#4a5563'; W='#ffffff'
mk() { local name=$1; shift; convert -size 64x64 xc:none -strokewidth 4 "$@" "$OUT/$name-64.png"
  convert "$OUT/$name-64.png" -filter Lanczos -resize 16x16 "$OUT/$name.png"
  convert "$OUT/$name-64.png" -filter Lanczos -resize 32x32 "$OUT/$name@2x.png"; rm "$OUT/$name-64.png"; }
# a page with a folded corner and text lines
mk document -fill $W -stroke $K -draw "polygon 12,4 40,4 52,16 52,60 12,60" -fill '#d8dee8' -draw "polygon 40,4 40,16 52,16" \
  -stroke $B -strokewidth 4 -draw "line 20,28 44,28" -draw "line 20,38 44,38" -draw "line 20,48 36,48"
# stacked pages: versions
mk versions -fill '#d8dee8' -stroke $K -draw "rectangle 20,4 56,48" -fill $W -draw "rectangle 8,16 44,60" \
  -stroke $B -draw "line 16,30 36,30" -draw "line 16,40 36,40" -draw "line 16,50 30,50"
# a disk cylinder: storage node
mk node -fill $B -stroke $D -draw "rectangle 10,16 54,50" -draw "ellipse 32,50 22,8 0,180" -fill '#6fa0ee' -draw "ellipse 32,16 22,8 0,360" \
  -fill $G -stroke none -draw "circle 44,40 48,40"
# a folder with a sync arrow
mk sync-folder -fill $Y -stroke '#b07d10' -draw "polygon 4,14 24,14 30,20 60,20 60,56 4,56" \
  -fill none -stroke $B -strokewidth 5 -draw "arc 20,26 44,50 200,520" -fill $B -stroke none -draw "polygon 40,24 50,34 38,36"
# a clock: history
mk history -fill $W -stroke $K -draw "circle 32,32 32,6" -stroke $B -strokewidth 5 -draw "line 32,32 32,14" -draw "line 32,32 46,38"
# a bin: trash
mk trash -fill '#c5ccd6' -stroke $K -draw "polygon 14,18 50,18 46,60 18,60" -draw "line 8,14 56,14" -draw "rectangle 26,6 38,14" \
  -draw "line 26,26 26,52" -draw "line 38,26 38,52"
# a pulse line: activity
mk activity -fill none -stroke $G -strokewidth 6 -draw "polyline 4,36 18,36 26,14 36,54 44,30 60,30"
# two crossing arrows in red: conflicts
mk conflict -fill $R -stroke '#8f2a22' -draw "polygon 32,4 60,56 4,56" -fill $W -stroke none -draw "rectangle 29,20 35,40" -draw "rectangle 29,45 35,51"
# a folder with a person: shared folders
mk shared-folder -fill $Y -stroke '#b07d10' -draw "polygon 4,14 24,14 30,20 60,20 60,56 4,56" \
  -fill $B -stroke none -draw "circle 40,33 40,26" -draw "ellipse 40,52 13,9 180,360"
# three nodes linked: topology
mk topology -fill none -stroke $K -strokewidth 4 -draw "line 32,14 14,48" -draw "line 32,14 50,48" -draw "line 14,48 50,48" \
  -fill $B -stroke $D -draw "circle 32,14 32,4" -fill $G -stroke '#276b3f' -draw "circle 14,48 14,38" -draw "circle 50,48 50,38"
# bars: monitor
mk monitor -fill $W -stroke $K -draw "rectangle 4,6 60,58" -fill $B -stroke none -draw "rectangle 12,36 20,52" -draw "rectangle 28,20 36,52" \
  -fill $G -draw "rectangle 44,28 52,52"
# a bell: alerts
mk alert -fill $Y -stroke '#b07d10' -draw "path 'M 14,46 C 18,40 16,12 32,10 C 48,12 46,40 50,46 Z'" -draw "circle 32,52 32,46" -draw "line 10,46 54,46"
# a gear-like play: jobs
mk job -fill $B -stroke $D -draw "circle 32,32 32,6" -fill $W -stroke none -draw "polygon 25,18 47,32 25,46"
# lines of a log
mk job-log -fill $W -stroke $K -draw "rectangle 8,4 56,60" -stroke $G -draw "line 16,16 22,16" -stroke $K -draw "line 26,16 48,16" \
  -stroke $G -draw "line 16,28 22,28" -stroke $K -draw "line 26,28 48,28" -stroke $R -draw "line 16,40 22,40" -stroke $K -draw "line 26,40 48,40" \
  -stroke $G -draw "line 16,52 22,52" -stroke $K -draw "line 26,52 40,52"
# a window with a broadcast dot: rooms / sharing
mk share -fill $W -stroke $K -draw "rectangle 4,10 60,52" -fill $B -stroke none -draw "rectangle 6,12 58,20" \
  -fill $R -draw "circle 32,36 32,30" -fill none -stroke $R -strokewidth 3 -draw "arc 20,24 44,48 200,340" 
# two people: participants
mk people -fill '#6fa0ee' -stroke none -draw "circle 44,20 44,11" -draw "ellipse 44,50 15,14 180,360" \
  -fill $B -draw "circle 24,24 24,14" -draw "ellipse 24,58 18,16 180,360"
# a speech bubble: chat
mk chat -fill $W -stroke $B -draw "roundrectangle 4,8 60,44 10,10" -fill $W -draw "polygon 16,42 14,58 30,43" -stroke none -draw "rectangle 16,40 28,44" \
  -stroke $B -draw "line 14,22 50,22" -draw "line 14,32 40,32"
# a screen: viewer
mk viewer -fill $B -stroke $D -draw "rectangle 4,8 60,46" -fill '#a9c6f5' -stroke none -draw "rectangle 9,13 55,41" \
  -fill $K -draw "rectangle 28,46 36,54" -draw "rectangle 18,54 46,58"
# a person: users / administration
mk user -fill $B -stroke none -draw "circle 32,20 32,8" -draw "ellipse 32,60 22,20 180,360"
# three people, the middle one in front: groups
mk group -fill '#6fa0ee' -stroke none -draw "circle 14,22 14,14" -draw "ellipse 14,52 12,14 180,360" \
  -draw "circle 50,22 50,14" -draw "ellipse 50,52 12,14 180,360" \
  -fill $B -stroke $W -strokewidth 3 -draw "circle 32,26 32,15" -draw "ellipse 32,64 18,20 180,360"
# people with a green plus: new group
mk group-add -fill '#6fa0ee' -stroke none -draw "circle 36,18 36,10" -draw "ellipse 36,46 12,14 180,360" \
  -fill $B -stroke $W -strokewidth 3 -draw "circle 20,24 20,13" -draw "ellipse 20,62 18,20 180,360" \
  -fill $G -stroke none -draw "rectangle 47,26 53,50" -draw "rectangle 38,35 62,41"
# people beside a ticked box: edit a group's members
mk members -fill $B -stroke none -draw "circle 18,20 18,9" -draw "ellipse 18,58 16,18 180,360" \
  -fill $W -stroke $K -strokewidth 4 -draw "rectangle 36,22 60,46" -fill none -stroke $G -strokewidth 5 -draw "polyline 40,33 46,40 56,26"
# Sync Folders view actions: a folder with a green plus (add pair), with a red minus (remove pair)
mk pair-add -fill $Y -stroke '#b07d10' -draw "polygon 4,14 24,14 30,20 60,20 60,56 4,56" \
  -fill $G -stroke none -draw "rectangle 36,30 44,58" -draw "rectangle 26,40 54,48"
mk pair-remove -fill $Y -stroke '#b07d10' -draw "polygon 4,14 24,14 30,20 60,20 60,56 4,56" \
  -fill $R -stroke none -draw "rectangle 24,38 56,48"
# two bars: pause / resume
mk pause -fill $B -stroke $D -draw "roundrectangle 14,10 26,54 3,3" -draw "roundrectangle 38,10 50,54 3,3"
# two arrows, one each way: sync now
mk sync-now -fill $G -stroke none -draw "rectangle 6,16 40,24" -draw "polygon 38,6 58,20 38,34" \
  -draw "rectangle 24,40 58,48" -draw "polygon 26,30 6,44 26,58"
# an open folder: open the local directory
mk open-folder -fill '#d9a21c' -stroke '#b07d10' -draw "polygon 4,14 24,14 30,20 54,20 54,30 4,30" \
  -fill $Y -draw "polygon 4,56 14,28 62,28 52,56"
# an arrow down into a tray: download
mk download -fill $B -stroke none -draw "rectangle 27,4 37,32" -draw "polygon 16,28 48,28 32,46" \
  -fill none -stroke $K -strokewidth 5 -draw "polyline 8,42 8,58 56,58 56,42"
# Common view-toolbar actions (every view's toolbar has an icon per action; WorkbenchWindowTest checks it)
# a circular arrow: refresh
mk refresh -fill none -stroke $G -strokewidth 7 -draw "arc 10,10 54,54 300,600" -fill $G -stroke none -draw "polygon 40,2 58,14 38,24"
# a counter-clockwise arrow: restore an earlier version
mk restore -fill none -stroke $B -strokewidth 7 -draw "arc 10,12 54,56 180,450" -fill $B -stroke none -draw "polygon 2,26 22,26 12,42"
# a red cross: delete / remove
mk delete -fill $R -stroke none -draw "polygon 10,16 16,10 32,26 48,10 54,16 38,32 54,48 48,54 32,38 16,54 10,48 26,32"
# an arrow up out of a tray: register / upload
mk upload -fill $B -stroke none -draw "rectangle 27,18 37,46" -draw "polygon 16,22 48,22 32,4" \
  -fill none -stroke $K -strokewidth 5 -draw "polyline 8,42 8,58 56,58 56,42"
# a page with an arrow up: update from a file
mk update -fill $W -stroke $K -draw "polygon 8,4 34,4 44,14 44,60 8,60" -fill $G -stroke none -draw "rectangle 44,30 52,60" -draw "polygon 36,32 60,32 48,16"
# a pencil: rename
mk rename -fill $Y -stroke '#b07d10' -draw "polygon 10,46 44,12 52,20 18,54" -fill '#f5d7a1' -draw "polygon 10,46 18,54 6,58" \
  -fill none -stroke $K -strokewidth 3 -draw "line 24,58 58,58"
# a person with a plus / with a minus: add / remove a user or member
mk user-add -fill $B -stroke none -draw "circle 26,20 26,9" -draw "ellipse 26,58 20,18 180,360" \
  -fill $G -draw "rectangle 46,26 52,50" -draw "rectangle 37,35 61,41"
mk user-remove -fill $B -stroke none -draw "circle 26,20 26,9" -draw "ellipse 26,58 20,18 180,360" -fill $R -draw "rectangle 37,35 61,41"
# a person crossed out: disable / enable a user
mk user-disable -fill $B -stroke none -draw "circle 32,20 32,8" -draw "ellipse 32,60 22,20 180,360" \
  -fill none -stroke $R -strokewidth 6 -draw "circle 32,32 32,6" -draw "line 14,50 50,14"
# a key: set a password
mk key -fill $Y -stroke '#b07d10' -draw "circle 18,32 18,18" -draw "rectangle 28,28 60,36" -draw "rectangle 48,36 54,46" \
  -fill $W -stroke none -draw "circle 16,32 16,28"
# a shield: the administrator flag
mk shield -fill $B -stroke $D -draw "path 'M 32,4 L 56,12 C 56,36 46,52 32,60 C 18,52 8,36 8,12 Z'" \
  -fill $W -stroke none -draw "polygon 22,32 28,26 32,32 42,18 48,24 32,42"
# a page and two people: share with users
mk share-with -fill $W -stroke $K -draw "polygon 4,4 26,4 34,12 34,52 4,52" \
  -fill $B -stroke none -draw "circle 48,28 48,20" -draw "ellipse 48,60 14,14 180,360"
# an arrow into a door: join a room
mk join -fill '#c5ccd6' -stroke $K -draw "rectangle 34,4 58,60" -fill $G -stroke none -draw "rectangle 4,28 30,36" -draw "polygon 24,18 42,32 24,46"
# a red square: stop
mk stop -fill $R -stroke '#8f2a22' -draw "roundrectangle 12,12 52,52 6,6"
# two panes side by side: compare
mk compare -fill $W -stroke $K -draw "rectangle 4,6 30,58" -draw "rectangle 34,6 60,58" \
  -stroke $B -draw "line 10,20 24,20" -draw "line 40,20 54,20" -stroke $R -draw "line 10,32 24,32" -stroke $G -draw "line 40,32 54,32"
# keep mine (left pane marked), keep theirs (right pane marked), keep both (both marked)
mk keep-mine -fill $G -stroke '#276b3f' -draw "rectangle 4,6 30,58" -fill $W -stroke $K -draw "rectangle 34,6 60,58"
mk keep-theirs -fill $W -stroke $K -draw "rectangle 4,6 30,58" -fill $B -stroke $D -draw "rectangle 34,6 60,58"
mk keep-both -fill $G -stroke '#276b3f' -draw "rectangle 4,6 30,58" -fill $B -stroke $D -draw "rectangle 34,6 60,58"
# a gauge: quota
mk quota -fill $W -stroke $K -draw "arc 4,12 60,68 180,360" -draw "line 4,40 60,40" -stroke $R -strokewidth 5 -draw "line 32,40 46,20"
# a page with an arrow: open in an editor
mk open-editor -fill $W -stroke $K -draw "polygon 8,4 34,4 44,14 44,60 8,60" -fill $B -stroke none -draw "rectangle 30,34 50,42" -draw "polygon 46,24 62,38 46,52"
# a green triangle: run now
mk run -fill $G -stroke '#276b3f' -draw "polygon 14,6 56,32 14,58"
# a page with a plus: new
mk new -fill $W -stroke $K -draw "polygon 8,4 34,4 44,14 44,60 8,60" -fill $G -stroke none -draw "rectangle 42,30 50,62" -draw "rectangle 30,42 62,50"
