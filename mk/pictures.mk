# The README's pictures (make pictures): pages of Intech's English notice
# drawn by pnc --preview --png with the repository's font, enlarged so the
# 11-pixel font reads well on a web page. They are committed under
# docs/pictures/; run this after a change to the layout, the drawing or
# the font, and look at them.

.PHONY: pictures

PICTURE_FONT = fonts/pnc-sans-11.bdf
PICTURE_NOTICE = policies/intech.en.pn
PICTURE_TMP = $(BUILD)/pictures

pictures: $(PNC)
	rm -rf $(PICTURE_TMP)
	mkdir -p $(PICTURE_TMP)/128x64 $(PICTURE_TMP)/320x240 docs/pictures
	$(PNC) --preview 128x64 --font $(PICTURE_FONT) --scale 3 \
		--png $(PICTURE_TMP)/128x64 $(PICTURE_NOTICE)
	$(PNC) --preview 320x240 --font $(PICTURE_FONT) --scale 2 \
		--png $(PICTURE_TMP)/320x240 $(PICTURE_NOTICE)
	cp $(PICTURE_TMP)/128x64/intech.en.1-first-layer.p001.png \
		docs/pictures/first-layer-128x64.png
	cp $(PICTURE_TMP)/128x64/intech.en.1-first-layer.p*-qr.png \
		docs/pictures/qr-page-128x64.png
	cp $(PICTURE_TMP)/320x240/intech.en.2-notice.p002.png \
		docs/pictures/notice-320x240.png
