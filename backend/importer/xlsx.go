package importer

import (
	"github.com/xuri/excelize/v2"

	"daigoudesk/backend/domain"
)

// readXLSX reads every row of the first sheet of a workbook; the row number is the line.
// Cells are read raw (not through their number format), so a barcode stored as a number reads
// "4901301231239", not "4.90E+12", and a price "1280.5", not "¥1,280.50".
func readXLSX(path string) ([]Row, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, openError(path, err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, lineError(path, 1, domain.Invalid("sheet", "importing.problem.noSheet", "the workbook has no sheet", nil))
	}
	it, err := f.Rows(sheets[0])
	if err != nil {
		return nil, openError(path, err)
	}
	defer it.Close()
	var rows []Row
	for line := 1; it.Next(); line++ {
		cells, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, lineError(path, line, domain.Invalid("cell", "importing.problem.cell", err.Error(),
				map[string]any{"message": err.Error()}))
		}
		if len(cells) > 0 {
			rows = append(rows, Row{Line: line, Cells: cells})
		}
	}
	if err := it.Error(); err != nil {
		return nil, openError(path, err)
	}
	return rows, nil
}
